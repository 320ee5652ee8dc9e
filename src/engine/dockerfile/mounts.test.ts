import { describe, expect, it } from 'vitest';
import { ok } from '../core/errors';
import { parseDockerfile, parseMount } from './index';

describe('RUN --mount', () => {
  it('parses a cache mount with defaults like BuildKit', () => {
    expect(parseMount('type=cache,target=/root/.npm')).toEqual(ok({ type: 'cache', target: '/root/.npm', readOnly: false }));
    expect(parseMount('type=bind,source=.,target=/src')).toEqual(ok({ type: 'bind', source: '.', target: '/src', readOnly: true }));
    expect(parseMount('type=secret,id=npmrc,required')).toEqual(ok({ type: 'secret', cacheId: 'npmrc', readOnly: true, required: true }));
  });

  it('expands values with the builder expander', () => {
    const r = parseMount('type=cache,target=$DIR', (w) => ok(w.replace('$DIR', '/cache')));
    expect(r).toEqual(ok({ type: 'cache', target: '/cache', readOnly: false }));
  });

  it('reports BuildKit errors', () => {
    expect(parseMount('type=cahce,target=/x')).toEqual({ ok: false, error: 'unsupported mount type "cahce" (did you mean cache?)' });
    expect(parseMount('type=cache,tagret=/x')).toEqual({ ok: false, error: "unexpected key 'tagret' in 'tagret=/x' (did you mean target?)" });
    expect(parseMount('type=bind,mode=0755')).toEqual({ ok: false, error: 'mode not allowed for "bind" type mounts' });
    expect(parseMount('type=secret')).toEqual({ ok: false, error: 'invalid secret mount. one of source, target required' });
    expect(parseMount('type=bind,sharing=locked')).toEqual({ ok: false, error: 'invalid cache sharing set for bind mount' });
  });

  it('rejects from=$VAR, a bad network or security at parse time', () => {
    expect(parseDockerfile('FROM a\nRUN --mount=from=$X,target=/x true\n').error?.message).toBe(
      "dockerfile parse error on line 2: 'from' doesn't support variable expansion, define alias stage instead",
    );
    expect(parseDockerfile('FROM a\nRUN --network=bridge true\n').error?.message).toBe('dockerfile parse error on line 2: invalid network mode "bridge"');
    expect(parseDockerfile('FROM a\nRUN --security=x true\n').error?.message).toBe('dockerfile parse error on line 2: security "x" is not valid');
    expect(parseDockerfile('FROM a\nRUN --mount=type=cache,target=/x --network=none true\n').error).toBeNull();
  });
});
