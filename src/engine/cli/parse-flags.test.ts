import { describe, expect, it } from 'vitest';
import type { FlagSpec } from './command';
import { parseFlags, parseGoDuration } from './parse-flags';

const specs: FlagSpec[] = [
  { name: 'all', short: 'a', type: 'bool', usage: '' },
  { name: 'quiet', short: 'q', type: 'bool', usage: '' },
  { name: 'tag', short: 't', type: 'stringArray', usage: '' },
  { name: 'cap-add', type: 'stringSlice', usage: '' },
  { name: 'last', short: 'n', type: 'int', default: -1, usage: '' },
  { name: 'cpu-shares', type: 'uint', usage: '' },
  { name: 'cpus', type: 'float', usage: '' },
  { name: 'time', type: 'duration', default: '10s', usage: '' },
  { name: 'name', type: 'string', default: 'dflt', usage: '' },
];

const ok = (argv: string[], interspersed = true) => {
  const r = parseFlags(specs, argv, { interspersed });
  if (!r.ok) throw new Error(r.message);
  return r;
};
const fail = (argv: string[]) => {
  const r = parseFlags(specs, argv);
  if (r.ok) throw new Error('expected an error');
  return r.message;
};

describe('parseFlags (pflag semantics)', () => {
  it('reads defaults for flags not given', () => {
    const r = ok([]);
    expect(r.flags.has('name')).toBe(false);
    expect(r.flags.string('name')).toBe('dflt');
    expect(r.flags.int('last')).toBe(-1);
    expect(r.flags.bool('all')).toBe(false);
    expect(r.flags.strings('tag')).toEqual([]);
    expect(r.flags.int('time')).toBe(10_000);
  });

  it('repeats stringArray values and comma-splits stringSlice ones (CSV quoting)', () => {
    const r = ok(['-t', 'a:1', '--tag=b', '-tc', '--cap-add', 'NET_ADMIN,SYS_TIME', '--cap-add', '"A,B",C']);
    expect(r.flags.strings('tag')).toEqual(['a:1', 'b', 'c']);
    expect(r.flags.strings('cap-add')).toEqual(['NET_ADMIN', 'SYS_TIME', 'A,B', 'C']);
  });

  it('parses Go integers, unsigned, floats and durations', () => {
    expect(ok(['-n', '0x10']).flags.int('last')).toBe(16);
    expect(ok(['--last=-3']).flags.int('last')).toBe(-3);
    expect(ok(['--cpus', '1.5']).flags.int('cpus')).toBe(1.5);
    expect(ok(['--time', '1m30s']).flags.int('time')).toBe(90_000);
    expect(parseGoDuration('1.5h')).toBe(5_400_000);
    expect(parseGoDuration('10')).toBeNull();
  });

  it('gives pflag error texts', () => {
    expect(fail(['--cpu-shares', '-1'])).toBe('invalid argument "-1" for "--cpu-shares" flag: strconv.ParseUint: parsing "-1": invalid syntax');
    expect(fail(['--cpus', 'x'])).toBe('invalid argument "x" for "--cpus" flag: strconv.ParseFloat: parsing "x": invalid syntax');
    expect(fail(['--time', '10'])).toBe('invalid argument "10" for "--time" flag: time: invalid duration "10"');
    expect(fail(['-aXq'])).toBe("unknown shorthand flag: 'X' in -Xq");
    expect(fail(['---all'])).toBe('bad flag syntax: ---all');
    expect(fail(['--=x'])).toBe('bad flag syntax: --=x');
    expect(fail(['-a='])).toBe("unknown shorthand flag: '=' in -=");
    expect(fail(['-t'])).toBe("flag needs an argument: 't' in -t");
  });

  it('treats "-" as an argument and "--" as the end of flags', () => {
    expect(ok(['-', '--', '-a']).args).toEqual(['-', '-a']);
  });

  it('stops at the first argument when not interspersed', () => {
    const r = ok(['-a', 'img', '-q', '--bogus'], false);
    expect(r.args).toEqual(['img', '-q', '--bogus']);
    expect(r.flags.bool('quiet')).toBe(false);
  });

  it('accepts --help, and -h only when no flag uses it (with docker\'s deprecation notice)', () => {
    expect(ok(['--help']).help).toBe(true);
    const h = ok(['-h']);
    expect(h.help).toBe(true);
    expect(h.notices).toEqual(['Flag shorthand -h has been deprecated, use --help']);
    const withHostname = parseFlags([{ name: 'hostname', short: 'h', type: 'string', usage: '' }], ['-h', 'box']);
    expect(withHostname.ok && withHostname.help).toBe(false);
    expect(withHostname.ok && withHostname.flags.string('hostname')).toBe('box');
  });
});
