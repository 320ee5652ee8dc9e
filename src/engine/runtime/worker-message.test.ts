import { describe, expect, it } from 'vitest';
import { checkWorkerMessage } from './worker-message';

const ok = (m: unknown) => {
  const c = checkWorkerMessage(m);
  if (!c.ok) throw new Error(c.problem);
  return c.message;
};
const problem = (m: unknown) => {
  const c = checkWorkerMessage(m);
  return c.ok ? null : c.problem;
};

describe('checkWorkerMessage', () => {
  it('accepts every message of the protocol and copies only its fields', () => {
    const data = new Uint8Array([1, 2]);
    expect(ok({ t: 'fs', change: { op: 'writeSynthetic', path: '/usr/bin/curl', content: { seed: 'apk:curl', size: 250_000 }, mode: 0o755 } })).toEqual({
      t: 'fs',
      change: { op: 'writeSynthetic', path: '/usr/bin/curl', content: { seed: 'apk:curl', size: 250_000 }, mode: 0o755 },
    });
    expect(ok({ t: 'fs', change: { op: 'chown', path: '/home/node', uid: 1000, gid: 1000 } })).toMatchObject({ change: { op: 'chown', uid: 1000 } });
    expect(ok({ t: 'fs', change: { op: 'symlink', target: '../lib/x.js', path: '/usr/bin/x' } })).toMatchObject({ change: { op: 'symlink', target: '../lib/x.js' } });
    expect(problem({ t: 'fs', change: { op: 'writeSynthetic', path: '/f', content: { seed: 's', size: -1 } } })).toBe('synthetic size is not an integer in 0..8589934592');
    expect(problem({ t: 'fs', change: { op: 'chown', path: '/f', uid: 0, gid: 0, extra: 1 } })).toBe('fs change has an unexpected field "extra"');
    expect(problem({ t: 'fs', change: { op: 'symlink', target: '/etc', path: '/a/../../etc/x' } })).toBe('link path climbs out with ..');
    expect(ok({ t: 'output', e: { stream: 'stdout', text: 'hi\n', time: 5 } })).toEqual({ t: 'output', e: { stream: 'stdout', text: 'hi\n', time: 5 } });
    expect(ok({ t: 'exit', e: { code: 137, time: 1, reason: 'killed', signal: 'SIGKILL' } })).toEqual({ t: 'exit', e: { code: 137, time: 1, reason: 'killed', signal: 'SIGKILL' } });
    expect(ok({ t: 'exit', e: { code: 0, time: 1, reason: 'exit', signal: undefined, message: undefined } })).toEqual({ t: 'exit', e: { code: 0, time: 1, reason: 'exit' } });
    expect(ok({ t: 'fs', change: { op: 'writeFile', path: '/app/x', data, mode: 0o644 } })).toEqual({ t: 'fs', change: { op: 'writeFile', path: '/app/x', data, mode: 0o644 } });
    expect(ok({ t: 'fs', change: { op: 'mkdir', path: '/a' } })).toEqual({ t: 'fs', change: { op: 'mkdir', path: '/a' } });
    expect(ok({ t: 'fs', change: { op: 'rm', path: '/a' } }).t).toBe('fs');
    expect(ok({ t: 'fs', change: { op: 'rename', from: '/a', to: '/b' } }).t).toBe('fs');
    expect(ok({ t: 'fs', change: { op: 'chmod', path: '/a', mode: 0o755 } }).t).toBe('fs');
    expect(ok({ t: 'ports', ports: [80, 3000] })).toEqual({ t: 'ports', ports: [80, 3000] });
    expect(ok({ t: 'slice', phase: 'start' })).toEqual({ t: 'slice', phase: 'start' });
    expect(ok({ t: 'done', id: 3, now: 1000 })).toEqual({ t: 'done', id: 3, now: 1000 });
    expect(ok({ t: 'http-response', id: 1, res: { status: 200, statusText: 'OK', headers: { 'content-type': 'text/html' }, body: '<h1>' } })).toEqual({
      t: 'http-response',
      id: 1,
      res: { status: 200, statusText: 'OK', headers: { 'content-type': 'text/html' }, body: '<h1>' },
    });
    expect(ok({ t: 'http-response', id: 1, res: undefined, error: 'connect ECONNREFUSED' })).toEqual({ t: 'http-response', id: 1, error: 'connect ECONNREFUSED' });
    expect(ok({ t: 'fatal', message: 'boom' })).toEqual({ t: 'fatal', message: 'boom' });
  });

  it('accepts a peer request with its fields only, and refuses a malformed one', () => {
    const req = { method: 'GET', path: '/', headers: { host: 'api' } };
    expect(ok({ t: 'peer', id: 3, host: 'api', port: 3000, req, time: 1000 })).toEqual({ t: 'peer', id: 3, host: 'api', port: 3000, req, time: 1000 });
    expect(problem({ t: 'peer', id: 3, host: 'api', port: 3000, req })).not.toBe(null);
    expect(problem({ t: 'peer', id: 3, host: 'api', port: 70000, req })).toBe('peer port is not an integer in 0..65535');
    expect(problem({ t: 'peer', id: 3, host: 'api', port: 80, req: { ...req, extra: 1 } })).not.toBe(null);
  });

  it('rejects anything else with the reason', () => {
    expect(problem(null)).toBe('message is not an object');
    expect(problem('exit')).toBe('message is not an object');
    expect(problem([])).toBe('message is not an object');
    expect(problem({})).toBe('message has no type');
    expect(problem({ t: 'bogus' })).toBe('unknown message type "bogus"');
    expect(problem({ t: 'output', e: { stream: 'stdin', text: 'x', time: 0 } })).toBe('output stream is not one of stdout, stderr');
    expect(problem({ t: 'output', e: { stream: 'stdout', text: 5, time: 0 } })).toBe('output text is not a string');
    expect(problem({ t: 'output', e: { stream: 'stdout', text: 'x', time: NaN } })).toBe('output time is not a finite number');
    expect(problem({ t: 'output', e: { stream: 'stdout', text: 'x', time: 0 }, extra: 1 })).toBe('output message has an unexpected field "extra"');
    expect(problem({ t: 'exit', e: { code: 256, time: 0, reason: 'exit' } })).toBe('exit code is not an integer in 0..255');
    expect(problem({ t: 'exit', e: { code: 0, time: 0, reason: 'vanished' } })).toMatch(/^exit reason is not one of/);
    expect(problem({ t: 'exit', e: { code: 0, time: 0, reason: 'signal', signal: 'SIGSEGV' } })).toMatch(/^exit signal is not one of/);
    expect(problem({ t: 'fs', change: { op: 'writeFile', path: '/x', data: 'text' } })).toBe('file data is not a Uint8Array');
    expect(problem({ t: 'fs', change: { op: 'writeFile', path: 'relative', data: new Uint8Array() } })).toBe('file path is not an absolute path');
    expect(problem({ t: 'fs', change: { op: 'rm', path: '/' + 'a'.repeat(5000) } })).toBe('path is too long');
    expect(problem({ t: 'fs', change: { op: 'chmod', path: '/x', mode: 0o10000 } })).toBe('mode is not an integer in 0..4095');
    expect(problem({ t: 'fs', change: { op: 'mknod', path: '/x' } })).toBe('fs change has an unknown op');
    expect(problem({ t: 'fs', change: { op: 'symlink', path: '/x' } })).toBe('link target is not a string');
    expect(problem({ t: 'ports', ports: [0] })).toBe('port is not an integer in 1..65535');
    expect(problem({ t: 'ports', ports: '80' })).toBe('ports is not a list');
    expect(problem({ t: 'slice', phase: 'middle' })).toBe('slice phase is not one of start, end');
    expect(problem({ t: 'done', id: 1.5, now: 0 })).toMatch(/^request id is not an integer/);
    expect(problem({ t: 'http-response', id: 1, res: { status: 200, headers: { a: 1 }, body: '' } })).toBe('response header "a" is not a string');
    expect(problem({ t: 'http-response', id: 1 })).toBe('http error is not a string');
    expect(problem({ t: 'fatal', message: { toString: () => 'x' } })).toBe('fatal message text is not a string');
  });

  it('takes no object that is not a plain one (no getters, class instances or prototypes of the sender)', () => {
    class Output {
      t = 'output';
    }
    expect(problem(new Output())).toBe('message is not an object');
    expect(problem({ t: 'output', e: new Map() })).toBe('output event is not an object');
    expect(problem({ t: 'output', e: Object.create({ stream: 'stdout', text: 'x', time: 0 }) })).toBe('output event is not an object');
  });
});
