import { describe, expect, it } from 'vitest';
import type { HttpRequest, HttpResponse } from '../../engine/runtime/process';
import { browserRequest, redirectedRequest, type Transport } from './browserRequest';
import { CookieJar } from './cookieJar';

/** A transport answering from a table of "METHOD path" → response, recording what it was sent. */
function server(routes: Record<string, Partial<HttpResponse>>) {
  const sent: HttpRequest[] = [];
  const send: Transport = async (_port, req) => {
    sent.push(req);
    const r = routes[`${req.method} ${req.path}`];
    if (!r) return { ok: false, error: { message: 'Recv failure: Connection reset by peer' } };
    return { ok: true, value: { status: 200, headers: {}, body: '', ...r } };
  };
  return { send, sent };
}

describe('requests as the preview browser makes them', () => {
  it('POST then 302: the goals app’s redirect lands on a GET of the list, without the form body', async () => {
    const { send, sent } = server({
      'POST /store-goal': { status: 302, headers: { location: '/' } },
      'GET /': { body: '<h3>Ship it</h3>', headers: { 'content-type': 'text/html' } },
    });
    const r = await browserRequest(send, new CookieJar(), 3000, { method: 'POST', path: '/store-goal', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'goal=Ship+it' });
    expect(r).toMatchObject({ ok: true, location: { port: 3000, path: '/' }, redirected: true, response: { body: '<h3>Ship it</h3>' } });
    expect(sent.map((s) => `${s.method} ${s.path} ${s.body ?? ''}`)).toEqual(['POST /store-goal goal=Ship+it', 'GET / ']);
    expect(sent[1].headers).toEqual({ host: 'localhost:3000' });
  });

  it('307 and 308 repeat the method and body; 303 turns even PUT into GET', () => {
    const put = { method: 'PUT', path: '/a', headers: { 'content-type': 'text/plain' }, body: 'x' };
    expect(redirectedRequest(307, put, '/b')).toEqual({ ...put, path: '/b' });
    expect(redirectedRequest(308, put, '/b')).toEqual({ ...put, path: '/b' });
    expect(redirectedRequest(303, put, '/b')).toEqual({ method: 'GET', path: '/b', headers: {} });
    expect(redirectedRequest(302, put, '/b')).toEqual({ ...put, path: '/b' });
    expect(redirectedRequest(200, put, '/b')).toBeNull();
  });

  it('cookies set on a redirect go along with the next hop', async () => {
    const { send, sent } = server({
      'POST /login': { status: 303, headers: { location: '/me', 'set-cookie': 'sid=42; Path=/' } },
      'GET /me': { body: 'hello' },
    });
    await browserRequest(send, new CookieJar(), 3000, { method: 'POST', path: '/login', body: '' });
    expect(sent[1].headers?.cookie).toBe('sid=42');
  });

  it('stops at a redirect loop or a redirect to another origin, and passes connection errors on', async () => {
    const loop = server({ 'GET /': { status: 302, headers: { location: '/' } } });
    expect(await browserRequest(loop.send, new CookieJar(), 3000, { method: 'GET', path: '/' })).toEqual({ ok: false, error: 'Maximum (20) redirects followed' });
    expect(loop.sent).toHaveLength(21);
    const away = server({ 'GET /': { status: 301, headers: { location: 'https://example.com/' } } });
    expect(await browserRequest(away.send, new CookieJar(), 3000, { method: 'GET', path: '/' })).toEqual({ ok: false, error: 'redirect to https://example.com', other: 'https://example.com' });
    const none = server({});
    expect(await browserRequest(none.send, new CookieJar(), 3000, { method: 'GET', path: '/' })).toEqual({ ok: false, error: 'Recv failure: Connection reset by peer' });
  });
});
