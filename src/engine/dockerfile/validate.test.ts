import { describe, expect, it } from 'vitest';
import { parseDockerfile, type CopyInstr, type HealthcheckInstr, type RunInstr } from './index';

const errorOf = (t: string) => parseDockerfile(t).error?.message ?? null;
const P = (line: number, msg: string) => `dockerfile parse error on line ${line}: ${msg}`;

describe('Dockerfile validation (Docker error texts)', () => {
  it('rejects unknown instructions with a did-you-mean that copies the user case', () => {
    expect(errorOf('FORM alpine\n')).toBe(P(1, 'unknown instruction: FORM (did you mean FROM?)'));
    expect(errorOf('FROM a\nentrypint x\n')).toBe(P(2, 'unknown instruction: entrypint (did you mean entrypoint?)'));
    expect(errorOf('FROM a\nFNTRYPOINT x\n')).toBe(P(2, 'unknown instruction: FNTRYPOINT (did you mean ENTRYPOINT?)'));
    expect(errorOf('FROM a\nBOGUSCMD x\n')).toBe(P(2, 'unknown instruction: BOGUSCMD'));
  });

  it('requires FROM first (only ARG may precede it) and at least one stage', () => {
    expect(errorOf('RUN echo\n')).toBe('no build stage in current context');
    expect(errorOf('ARG a=1\n')).toBe('dockerfile contains no stages to build');
    expect(errorOf('')).toBe('the Dockerfile cannot be empty');
    expect(errorOf('# nothing\n\n')).toBe('file with no instructions');
  });

  it('rejects a bad # check= directive like BuildKit', () => {
    expect(errorOf('# check=foo=bar\nFROM a\n')).toBe('failed to parse check options: invalid check option "foo"');
    expect(errorOf('# check=skip\nFROM a\n')).toBe('failed to parse check options: invalid check option "skip"');
    expect(errorOf('# check=error=maybe\nFROM a\n')).toBe(
      'failed to parse check options: failed to parse check option "error=maybe": strconv.ParseBool: parsing "maybe": invalid syntax',
    );
    expect(errorOf('# check=skip=A,B;error=True\nFROM a\n')).toBeNull();
  });

  it('checks argument counts', () => {
    expect(errorOf('FROM\n')).toBe(P(1, 'FROM requires either one or three arguments'));
    expect(errorOf('FROM a b\n')).toBe(P(1, 'FROM requires either one or three arguments'));
    expect(errorOf('FROM a\nCOPY x\n')).toBe(P(2, 'COPY requires at least two arguments, but only one was provided. Destination could not be determined'));
    expect(errorOf('FROM a\nADD x\n')).toBe(P(2, 'ADD requires at least two arguments, but only one was provided. Destination could not be determined'));
    expect(errorOf('FROM a\nWORKDIR\n')).toBe(P(2, 'WORKDIR requires exactly one argument'));
    expect(errorOf('FROM a\nEXPOSE\n')).toBe(P(2, 'EXPOSE requires at least one argument'));
    expect(errorOf('FROM a\nENV A\n')).toBe('ENV must have two arguments');
    expect(errorOf('FROM a\nARG =x\n')).toBe(P(2, 'ARG names can not be blank'));
    expect(errorOf('FROM a\nVOLUME [""]\n')).toBe(P(2, 'VOLUME specified can not be an empty string'));
  });

  it('validates stage names', () => {
    expect(errorOf('FROM a AS 1st\n')).toBe(P(1, 'invalid name for build stage: "1st", name can\'t start with a number or contain symbols'));
    const df = parseDockerfile('FROM a As Build\n').dockerfile!;
    expect(df.stages[0].name).toBe('build');
  });

  it('checks flags per instruction', () => {
    expect(errorOf('FROM a\nCOPY --form=x a b\n')).toBe(P(2, 'unknown flag: form (did you mean from?)'));
    expect(errorOf('FROM a\nCOPY --bogus a b\n')).toBe(P(2, 'unknown flag: bogus'));
    expect(errorOf('FROM a\nCOPY --from=x --from=y a b\n')).toBe(P(2, 'duplicate flag specified: from'));
    expect(errorOf('FROM a\nCOPY --chown a b\n')).toBe(P(2, 'missing a value on flag: chown'));
    expect(errorOf('FROM a\nCOPY --link=maybe a b\n')).toBe(P(2, 'expecting boolean value for flag link, not: maybe'));
    expect(errorOf('FROM a\nENV --x=1 A=b\n')).toBe(P(2, 'unknown flag: x'));
    // ARG and STOPSIGNAL never parse their flags.
    expect(errorOf('FROM a\nARG --x=1 A=b\nSTOPSIGNAL --y SIGTERM\n')).toBeNull();
  });

  it('checks ONBUILD, SHELL and HEALTHCHECK', () => {
    expect(errorOf('FROM a\nONBUILD ONBUILD RUN x\n')).toBe(P(2, 'Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed'));
    expect(errorOf('FROM a\nONBUILD FROM x\n')).toBe(P(2, "FROM isn't allowed as an ONBUILD trigger"));
    expect(errorOf('FROM a\nONBUILD MAINTAINER x\n')).toBe(P(2, "MAINTAINER isn't allowed as an ONBUILD trigger"));
    expect(errorOf('FROM a\nSHELL /bin/bash -c\n')).toBe(P(2, 'SHELL requires the arguments to be in JSON form'));
    expect(errorOf('FROM a\nHEALTHCHECK NONE x\n')).toBe(P(2, 'HEALTHCHECK NONE takes no arguments'));
    expect(errorOf('FROM a\nHEALTHCHECK CMD\n')).toBe(P(2, 'Missing command after HEALTHCHECK CMD'));
    expect(errorOf('FROM a\nHEALTHCHECK CONNECT TCP 7000\n')).toBe(P(2, 'Unknown type "CONNECT" in HEALTHCHECK (try CMD)'));
    expect(errorOf('FROM a\nHEALTHCHECK --interval=abc CMD x\n')).toBe(P(2, 'time: invalid duration "abc"'));
    expect(errorOf('FROM a\nHEALTHCHECK --retries=-1 CMD x\n')).toBe(P(2, '--retries cannot be negative (-1)'));
  });

  it('rejects a heredoc as COPY destination and copying from a later stage', () => {
    expect(errorOf('FROM a\nCOPY x <<EOF\nhi\nEOF\n')).toBe(P(2, 'COPY cannot accept a heredoc as a destination'));
    expect(errorOf('FROM a AS one\nCOPY --from=two /x /y\nFROM a AS two\n')).toBe(
      'cannot copy from stage "two", it needs to be defined before current stage "one"',
    );
    expect(errorOf('FROM a\nARG S=x\nCOPY --from=$S /x /y\n')).toBe(
      'variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround',
    );
    expect(errorOf('FROM a AS one\nFROM b\nCOPY --from=one /x /y\nCOPY --from=nginx:1 /x /y\n')).toBeNull();
    expect(errorOf('FROM a AS one\nCOPY --from=one /x /y\n')).toBe('circular dependency detected on stage: one');
    // A repeated stage name refers to the last stage with that name.
    expect(errorOf('FROM a AS x\nFROM a AS y\nCOPY --from=x /a /b\nFROM a AS x\n')).toBe(
      'cannot copy from stage "x", it needs to be defined before current stage "y"',
    );
  });

  it('builds typed instructions with lines, ranges, flags and forms', () => {
    const out = parseDockerfile('ARG V=1\nFROM --platform=linux/amd64 node:20 AS build\nRUN --mount=type=cache,target=/root/.npm \\\n  npm ci\nCOPY --chown=node:node --link . /app\nHEALTHCHECK --interval=5s CMD curl -f http://localhost/\nCMD ["node", "server.js"]\n');
    expect(out.error).toBeNull();
    const df = out.dockerfile!;
    expect(df.metaArgs[0].args).toEqual([{ key: 'V', value: '1' }]);
    expect(df.stages[0].from).toMatchObject({ image: 'node:20', stageName: 'build', platform: 'linux/amd64', line: 2 });
    const [run, copy, hc, cmd] = df.stages[0].instructions;
    expect(run).toMatchObject({ kind: 'RUN', form: 'shell', cmd: ['npm ci'], mounts: ['type=cache,target=/root/.npm'], line: 3, endLine: 4 });
    expect((run as RunInstr).original).toBe('RUN --mount=type=cache,target=/root/.npm   npm ci');
    expect(copy as CopyInstr).toMatchObject({ kind: 'COPY', sources: ['.'], dest: '/app', chown: 'node:node', link: true });
    expect((hc as HealthcheckInstr).test).toEqual(['CMD-SHELL', 'curl -f http://localhost/']);
    expect((hc as HealthcheckInstr).interval).toBe('5s');
    expect(cmd).toMatchObject({ kind: 'CMD', form: 'exec', cmd: ['node', 'server.js'] });
    expect(cmd.range).toEqual({ start: { line: 7, column: 1 }, end: { line: 7, column: 26 } });
  });

  it('keeps heredoc bodies on COPY with <<- tab stripping', () => {
    const df = parseDockerfile('FROM a\nCOPY <<-EOT /x\n\thello\n\tEOT\n').dockerfile!;
    const c = df.stages[0].instructions[0] as CopyInstr;
    expect(c.heredocs).toEqual([{ name: 'EOT', content: 'hello\n', expand: true }]);
    expect(c.sources).toEqual([]);
    const two = parseDockerfile('FROM a\nCOPY a.txt <<"A" b.txt <<B /dst/\n$x\nA\ny\nB\n').dockerfile!.stages[0].instructions[0] as CopyInstr;
    expect(two.sources).toEqual(['a.txt', 'b.txt']);
    expect(two.heredocs).toEqual([
      { name: 'A', content: '$x\n', expand: false },
      { name: 'B', content: 'y\n', expand: true },
    ]);
    expect(two.dest).toBe('/dst/');
  });

  it('never throws on odd input', () => {
    for (const t of ['\u0000', '\\', '["', 'FROM a\nONBUILD', 'FROM a\nHEALTHCHECK', '#escape=`\n`', 'FROM ${', 'FROM a\nRUN <<']) {
      expect(() => parseDockerfile(t)).not.toThrow();
    }
  });
});
