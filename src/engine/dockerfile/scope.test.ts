import { describe, expect, it } from 'vitest';
import { parseDockerfile, resolveGlobalArgs, StageScope, expandFromValue, type ArgInstr, type KeyValueInstr } from './index';

function setup(text: string, buildArgs: Record<string, string> = {}, legacy = false) {
  const df = parseDockerfile(text).dockerfile!;
  const g = resolveGlobalArgs(df.metaArgs, { buildArgs });
  if (!g.ok) throw new Error(g.error.message);
  const scope = new StageScope(g.value, { buildArgs, legacy });
  const apply = () => {
    for (const ins of df.stages[0].instructions) {
      if (ins.kind === 'ARG') scope.applyArg(ins as ArgInstr);
      if (ins.kind === 'ENV') scope.applyEnv(ins as KeyValueInstr);
    }
  };
  return { df, globals: g.value, scope, apply };
}

describe('ARG and ENV scoping', () => {
  it('lets FROM see global ARGs, overridden by build args', () => {
    const { df, globals } = setup('ARG TAG=18\nFROM node:${TAG}\n');
    expect(expandFromValue(df.stages[0].from.image, globals)).toEqual({ ok: true, value: 'node:18' });
    const b = setup('ARG TAG=18\nFROM node:${TAG}\n', { TAG: '20' });
    expect(expandFromValue(b.df.stages[0].from.image, b.globals)).toEqual({ ok: true, value: 'node:20' });
  });

  it('hides global ARGs inside a stage until a bare ARG redeclares them', () => {
    const { scope, df } = setup('ARG V=1\nFROM a\nARG V\n');
    expect(scope.get('V')).toBeUndefined();
    scope.applyArg(df.stages[0].instructions[0] as ArgInstr);
    expect(scope.get('V')).toBe('1');
  });

  it('gives every variable in one ENV the values from before it', () => {
    const { scope, apply } = setup('FROM a\nENV abc=hello\nENV abc=bye def=$abc\n');
    apply();
    expect(scope.get('abc')).toBe('bye');
    expect(scope.get('def')).toBe('hello');
  });

  it('lets ENV beat an earlier ARG of the same name', () => {
    const { scope, apply } = setup('FROM a\nARG V=arg\nENV V=env\n', { V: 'cli' });
    apply();
    expect(scope.get('V')).toBe('env');
  });

  it('classic builder: ENV beats ARG even when the ARG comes later', () => {
    const legacy = setup('FROM a\nENV V=env\nARG V=arg\n', {}, true);
    legacy.apply();
    expect(legacy.scope.get('V')).toBe('env');
    const bk = setup('FROM a\nENV V=env\nARG V=arg\n');
    bk.apply();
    expect(bk.scope.get('V')).toBe('arg');
  });

  it('expands ARG defaults with earlier values, and a build arg replaces the default', () => {
    const { scope, apply } = setup('FROM a\nENV BASE=/opt\nARG DIR=$BASE/app\nARG X=default\n', { X: 'given' });
    apply();
    expect(scope.get('DIR')).toBe('/opt/app');
    expect(scope.get('X')).toBe('given');
  });
});
