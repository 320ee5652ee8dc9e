/**
 * `-v`, `--mount` and `--tmpfs` as the engine gets them. Error texts: the docker 28 client's (cli testdata
 * transcripts) and a real Engine 20.10's (testdata/engine-20.10-volumes.txt).
 */
import { describe, expect, it } from 'vitest';
import { duplicateTarget, parseMountFlag, parseTmpfsFlag, parseVolumeFlag } from './mount-spec';

describe('-v', () => {
  it('reads NAME:TARGET[:MODE] as a volume, /HOST:TARGET as a bind, TARGET alone as an anonymous volume', () => {
    expect(parseVolumeFlag('data:/data')).toEqual({ ok: true, value: { type: 'volume', source: 'data', target: '/data', readOnly: false, noCopy: false, via: 'volume-flag', raw: 'data:/data' } });
    expect(parseVolumeFlag('data:/data:ro')).toMatchObject({ ok: true, value: { type: 'volume', readOnly: true, raw: 'data:/data:ro' } });
    expect(parseVolumeFlag('/srv/app:/app:rw,z')).toMatchObject({ ok: true, value: { type: 'bind', source: '/srv/app', target: '/app', readOnly: false } });
    expect(parseVolumeFlag('/stuff')).toMatchObject({ ok: true, value: { type: 'volume', source: undefined, target: '/stuff' } });
    expect(parseVolumeFlag('/stuff:ro')).toMatchObject({ ok: true, value: { type: 'volume', source: undefined, target: '/stuff', readOnly: true } });
    expect(parseVolumeFlag('v:/x:nocopy')).toMatchObject({ ok: true, value: { noCopy: true } });
  });

  it('turns a source starting with "." into a host path (the docker 28 client does, with its working directory)', () => {
    const r = parseVolumeFlag('./src:/app/src', (p) => `/home/me/${p.replace(/^\.\/?/, '')}`);
    expect(r).toMatchObject({ ok: true, value: { type: 'bind', source: '/home/me/src', target: '/app/src', raw: '/home/me/src:/app/src' } });
  });

  it("gives Docker's errors", () => {
    expect(parseVolumeFlag(':/x')).toEqual({ ok: false, error: { from: 'client', message: 'invalid spec: :/x: empty section between colons' } });
    expect(parseVolumeFlag('data:relative')).toEqual({
      ok: false,
      error: { from: 'daemon', message: `invalid volume specification: 'data:relative': invalid mount config for type "volume": invalid mount path: 'relative' mount path must be absolute` },
    });
    expect(parseVolumeFlag('data:/x:zz')).toEqual({ ok: false, error: { from: 'daemon', message: 'invalid mode: zz' } });
    expect(parseVolumeFlag('a:/b:ro:d')).toEqual({ ok: false, error: { from: 'daemon', message: "invalid volume specification: 'a:/b:ro:d'" } });
  });
});

describe('--mount', () => {
  it('reads type, source/src, target/destination/dst, readonly and volume-nocopy', () => {
    expect(parseMountFlag('type=volume,source=mv,target=/mv')).toEqual({ ok: true, value: { type: 'volume', source: 'mv', target: '/mv', readOnly: false, noCopy: false, via: 'mount-flag' } });
    expect(parseMountFlag('src=mv,dst=/mv,readonly')).toMatchObject({ ok: true, value: { type: 'volume', readOnly: true } });
    expect(parseMountFlag('type=volume,src=nc,dst=/etc,volume-nocopy')).toMatchObject({ ok: true, value: { noCopy: true } });
    expect(parseMountFlag('type=bind,source=/w/src,target=/app,ro=false')).toMatchObject({ ok: true, value: { type: 'bind', source: '/w/src', readOnly: false } });
    expect(parseMountFlag('type=tmpfs,target=/scr')).toMatchObject({ ok: true, value: { type: 'tmpfs', target: '/scr' } });
  });

  it("gives the client's flag errors and the daemon's config errors", () => {
    const flag = (raw: string, m: string) => ({ ok: false, error: { from: 'flag', message: `invalid argument "${raw}" for "--mount" flag: ${m}` } });
    expect(parseMountFlag('type=volume,target=/x,foo=1')).toEqual(flag('type=volume,target=/x,foo=1', "unexpected key 'foo' in 'foo=1'"));
    expect(parseMountFlag('source=a')).toEqual(flag('source=a', 'target is required'));
    expect(parseMountFlag('type=volume,src=a,dst=/x,readonly=maybe')).toEqual(flag('type=volume,src=a,dst=/x,readonly=maybe', 'invalid value for readonly: maybe'));
    expect(parseMountFlag('type=bind,target=/x,bogus')).toEqual(flag('type=bind,target=/x,bogus', "invalid field 'bogus' must be a key=value pair"));
    expect(parseMountFlag('type=nope,target=/x')).toEqual({ ok: false, error: { from: 'daemon', message: 'invalid mount config for type "nope": mount type unknown' } });
  });
});

describe('--tmpfs', () => {
  it('reads TARGET[:OPTIONS]', () => {
    expect(parseTmpfsFlag('/scratch:size=64k')).toEqual({ ok: true, value: { type: 'tmpfs', target: '/scratch', readOnly: false, via: 'tmpfs-flag', raw: 'size=64k' } });
    expect(parseTmpfsFlag('/tmp')).toMatchObject({ ok: true, value: { raw: '' } });
  });
});

it('finds two mounts on one path', () => {
  const a = parseVolumeFlag('a:/data');
  const b = parseMountFlag('type=tmpfs,target=/data/');
  if (!a.ok || !b.ok) throw new Error('parse');
  expect(duplicateTarget([a.value, b.value])).toBe('Duplicate mount point: /data');
});
