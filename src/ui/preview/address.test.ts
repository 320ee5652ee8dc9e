import { describe, expect, it } from 'vitest';
import { displayOf, parseAddress, resolveOnOrigin } from './address';

describe('preview addresses', () => {
  it('reads what a learner types into the address bar', () => {
    expect(parseAddress('localhost:3000')).toEqual({ port: 3000, path: '/' });
    expect(parseAddress('http://127.0.0.1:8080/goals?x=1#top')).toEqual({ port: 8080, path: '/goals?x=1' });
    expect(parseAddress(':3000/a')).toEqual({ port: 3000, path: '/a' });
    expect(parseAddress('example.com')).toBeNull();
    expect(parseAddress('localhost:70000')).toBeNull();
  });

  it('resolves the page’s URLs on its own origin and names any other origin', () => {
    const at = { port: 3000, path: '/a/b?q=1' };
    expect(resolveOnOrigin('c', at)).toEqual({ path: '/a/c' });
    expect(resolveOnOrigin('/store-goal', at)).toEqual({ path: '/store-goal' });
    expect(resolveOnOrigin('?page=2', at)).toEqual({ path: '/a/b?page=2' });
    expect(resolveOnOrigin('http://localhost:3000/x#frag', at)).toEqual({ path: '/x' });
    expect(resolveOnOrigin('http://localhost:4000/x', at)).toEqual({ other: 'http://localhost:4000' });
    expect(resolveOnOrigin('https://example.com/', at)).toEqual({ other: 'https://example.com' });
    expect(resolveOnOrigin('javascript:alert(1)', at)).toEqual({ other: 'javascript:' });
    expect(displayOf({ port: 3000, path: '/?goal=x' })).toBe('localhost:3000/?goal=x');
  });
});
