/**
 * The shell program beyond what the BusyBox recordings cover: the dash flavour (echo always interprets escapes,
 * messages carry `1:` line numbers, `Syntax error: "then" unexpected`, as dash 0.5.12 prints them), trapped
 * signals, and an interactive shell waiting for the rest of a multi-line command.
 */
import { describe, expect, it } from 'vitest';
import { imageFs, spawnCollect, T0 } from '../test-helpers';

async function run(argv0: string, script: string) {
  const c = spawnCollect({ argv: [argv0, '-c', script], env: { PATH: '/bin', HOME: '/root' }, fs: imageFs('busybox', { '/bin/dash': { content: '#!layerlab sh\n', mode: 0o755 } }) });
  await c.proc.advanceTo(T0 + 1000);
  return { out: c.stdout(), err: c.stderr(), code: c.exit?.code };
}

describe('shell flavours', () => {
  it('dash: echo escapes, numbered messages', async () => {
    expect(await run('dash', 'echo "a\\tb"; foo; cd /nope; echo ${u?x}')).toEqual({
      out: 'a\tb\n',
      err: "dash: 1: foo: not found\ndash: 1: cd: can't cd to /nope\ndash: 1: u: x\n",
      code: 2,
    });
    expect(await run('dash', 'echo -e "x\\ty"; f() { echo "$1"; }; f "a b"; echo $((2+3))')).toEqual({ out: '-e x\ty\na b\n5\n', err: '', code: 0 });
  });

  it('dash: syntax errors and line numbers', async () => {
    expect(await run('dash', 'if then')).toEqual({ out: '', err: 'dash: 1: Syntax error: "then" unexpected\n', code: 2 });
    expect(await run('dash', 'echo\nnosuch')).toEqual({ out: '\n', err: 'dash: 2: nosuch: not found\n', code: 127 });
  });
});

describe('traps', () => {
  it('a TERM trap runs when the container is stopped, and its exit ends the shell', async () => {
    const c = spawnCollect({ argv: ['sh', '-c', 'trap "echo stopping; exit 3" TERM; echo up; while :; do sleep 1; done'], env: { PATH: '/bin', HOME: '/root' }, fs: imageFs('busybox') });
    await c.proc.advanceTo(T0 + 2500);
    await c.proc.kill('SIGTERM');
    await c.proc.advanceTo(T0 + 5000);
    expect(c.stdout()).toBe('up\nstopping\n');
    expect(c.exit).toMatchObject({ code: 3 });
  });
});

describe('the interactive shell', () => {
  it('waits for the rest of a function, a loop or a here-document typed over several lines', async () => {
    const c = spawnCollect({ argv: ['sh'], env: { PATH: '/bin', HOME: '/root' }, tty: true, interactive: true, fs: imageFs('busybox') });
    await c.proc.advanceTo(T0);
    for (const l of ['greet() {\r', '  echo "hi $1"\r', '}\r', 'greet you\r', 'cat <<EOF\r', 'body\r', 'EOF\r', 'for i in 1 2; do\r', 'echo $((i*10))\r', 'done\r', 'exit\r']) {
      c.proc.write(l);
      await c.proc.advanceTo(c.proc.now());
    }
    const out = c.stdout().replace(/\r\n/g, '\n');
    expect(out).toContain('/ # greet you\nhi you\n');
    expect(out).toContain('> EOF\nbody\n');
    expect(out).toContain('> done\n10\n20\n');
    expect(c.exit).toMatchObject({ code: 0 });
  });
});

describe('the bash flavour', () => {
  it("speaks bash's words for missing commands and cd (recorded from bash 5.2)", async () => {
    const fs = imageFs('busybox', { '/bin/bash': { content: '#!layerlab sh\n', mode: 0o755 } });
    const c = spawnCollect({ argv: ['bash', '-c', 'foo; cd /nope; echo "st $?"'], env: { PATH: '/bin', HOME: '/root' }, fs });
    await c.proc.advanceTo(T0 + 1000);
    expect({ out: c.stdout(), err: c.stderr(), code: c.exit?.code }).toEqual({ out: 'st 1\n', err: 'bash: foo: command not found\nbash: cd: /nope: No such file or directory\n', code: 0 });
  });
});

describe('$RANDOM', () => {
  it('gives numbers of 0..32767 from the process seed: the same seed, the same numbers', async () => {
    const script = 'echo $RANDOM $RANDOM $RANDOM $((RANDOM % 10))';
    const a = await run('sh', script);
    const nums = a.out.trim().split(' ').map(Number);
    expect(nums).toHaveLength(4);
    for (const n of nums) expect(n >= 0 && n <= 32767 && Number.isInteger(n)).toBe(true);
    expect(new Set(nums.slice(0, 3)).size).toBeGreaterThan(1);
    expect(await run('sh', script)).toEqual(a);
  });

  it('RANDOM=n seeds it; unset makes it a plain variable; set lists the last number (as ash)', async () => {
    const r = await run('sh', 'RANDOM=5; a="$RANDOM $RANDOM"; RANDOM=5; b="$RANDOM $RANDOM"; [ "$a" = "$b" ] && echo same; x=$RANDOM; set | grep -q "^RANDOM=.$x.\\$" && echo listed; unset RANDOM; echo "[$RANDOM]"; RANDOM=7; echo $RANDOM');
    expect(r).toEqual({ out: 'same\nlisted\n[]\n7\n', err: '', code: 0 });
  });

  it('is not special in dash', async () => {
    expect(await run('dash', 'echo "[$RANDOM]"')).toEqual({ out: '[]\n', err: '', code: 0 });
  });
});
