/** public/sandbox.html: its policy pins its one inline script by hash and allows no network and no other script. */
import { describe, expect, it } from 'vitest';
import page from '../../../public/sandbox.html?raw';

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1] ?? '';
const directives = new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

describe('the sandbox page', () => {
  it('allows exactly its inline script (by hash) and eval, which the runtime needs to run JavaScript', async () => {
    const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(1);
    expect(page).not.toMatch(/<script[^>]+src=/);
    expect(directives.get('script-src')).toEqual([`'sha256-${await sha256(scripts[0])}'`, "'unsafe-eval'"]);
  });

  it('allows no network, no other resource, and workers only from blob: URLs', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'none'"]);
    expect(directives.get('worker-src')).toEqual(['blob:']);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect([...directives.keys()].sort()).toEqual(['base-uri', 'connect-src', 'default-src', 'form-action', 'script-src', 'worker-src']);
  });

  it('starts workers only for its parent and relays nothing the workers post', () => {
    expect(page).toContain('ev.source !== parent');
    expect(page).toContain('w.onmessage = null');
  });
});
