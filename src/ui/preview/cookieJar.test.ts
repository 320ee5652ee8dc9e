import { describe, expect, it } from 'vitest';
import { CookieJar, splitSetCookie } from './cookieJar';

describe('the preview cookie jar', () => {
  it('sends back what Set-Cookie stored, on matching paths only', () => {
    const jar = new CookieJar(() => 0);
    jar.store('sid=abc; Path=/; HttpOnly', '/login');
    jar.store('pref=dark; Path=/admin', '/admin/x');
    expect(jar.header('/')).toBe('sid=abc');
    expect(jar.header('/admin/users?x=1')).toBe('pref=dark; sid=abc');
    expect(jar.header('/administrator')).toBe('sid=abc');
  });

  it('defaults the path to the request’s directory and replaces a cookie of the same name and path', () => {
    const jar = new CookieJar(() => 0);
    jar.store('a=1', '/shop/cart');
    expect(jar.header('/')).toBeUndefined();
    expect(jar.header('/shop/list')).toBe('a=1');
    jar.store('a=2', '/shop/other');
    expect(jar.header('/shop')).toBe('a=2');
  });

  it('drops cookies that expire (Max-Age, Expires) and splits joined headers without breaking dates', () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const jar = new CookieJar(() => now);
    jar.store('short=1; Max-Age=60; Path=/, old=1; Expires=Wed, 21 Oct 2015 07:28:00 GMT; Path=/, keep=1; Path=/', '/');
    expect(jar.header('/')).toBe('short=1; keep=1');
    now += 61_000;
    expect(jar.header('/')).toBe('keep=1');
    jar.store('keep=; Max-Age=0; Path=/', '/');
    expect(jar.header('/')).toBeUndefined();
    expect(splitSetCookie('a=1; Expires=Wed, 21 Oct 2015 07:28:00 GMT, b=2')).toEqual(['a=1; Expires=Wed, 21 Oct 2015 07:28:00 GMT', 'b=2']);
  });
});
