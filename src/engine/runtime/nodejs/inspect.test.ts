import { describe, expect, it } from 'vitest';
import { format, inspect } from './inspect';

describe('util.inspect like Node', () => {
  it('quotes strings and lays out objects, arrays, maps and sets', () => {
    expect(inspect('it')).toBe("'it'");
    expect(inspect("it's")).toBe('"it\'s"');
    expect(inspect({ a: 1, 'b-c': [1, 2], d: { e: { f: { g: 1 } } } })).toBe("{ a: 1, 'b-c': [ 1, 2 ], d: { e: { f: [Object] } } }");
    expect(inspect(new Map([['a', 1]]))).toBe("Map(1) { 'a' => 1 }");
    expect(inspect(new Set([1]))).toBe('Set(1) { 1 }');
    expect(inspect([])).toBe('[]');
    expect(inspect({})).toBe('{}');
    expect(inspect(undefined)).toBe('undefined');
    expect(inspect(function named() {})).toBe('[Function: named]');
    expect(inspect(class K {})).toBe('[class K]');
    expect(inspect(-0)).toBe('-0');
  });

  it('breaks long objects over lines (modern) and Node 10 style (legacy)', () => {
    const o = { alpha: 'aaaaaaaaaaaa', beta: 'bbbbbbbbbbbbbb', gamma: 'cccccccccccccc', delta: 'dddddddddddd' };
    expect(inspect(o)).toBe("{\n  alpha: 'aaaaaaaaaaaa',\n  beta: 'bbbbbbbbbbbbbb',\n  gamma: 'cccccccccccccc',\n  delta: 'dddddddddddd'\n}");
    expect(inspect(o, { legacy: true })).toBe("{ alpha: 'aaaaaaaaaaaa',\n  beta: 'bbbbbbbbbbbbbb',\n  gamma: 'cccccccccccccc',\n  delta: 'dddddddddddd' }");
  });

  it('marks circular references', () => {
    const a: any = { name: 'a' };
    a.self = a;
    expect(inspect(a)).toBe("<ref *1> { name: 'a', self: [Circular *1] }");
  });

  it('colours values for a terminal', () => {
    expect(inspect(42, { colors: true })).toBe('\x1b[33m42\x1b[39m');
    expect(inspect({ s: 'x' }, { colors: true })).toBe("{ s: \x1b[32m'x'\x1b[39m }");
  });
});

describe('util.format like Node', () => {
  it('applies %s %d %i %j %% and appends the rest', () => {
    expect(format({}, '%s: %d%% (%i)', 'cpu', '42.5', 7.9, 'extra', { a: 1 })).toBe("cpu: 42.5% (7) extra { a: 1 }");
    expect(format({}, '%j', { a: [1] })).toBe('{"a":[1]}');
    expect(format({}, 'no args %s')).toBe('no args %s');
    expect(format({}, 1, 'a', null)).toBe('1 a null');
  });
});
