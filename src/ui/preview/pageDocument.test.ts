import { describe, expect, it } from 'vitest';
import previewPage from '../../../public/preview.html?raw';
import { FRAME_POLICY, dataUrl, inlineCssUrls, pageDocument, type FetchResource } from './pageDocument';

const files: Record<string, { body: string; contentType: string }> = {
  '/css/site.css': { body: 'body { background: url(../img/bg.svg) } h1 { color: red }', contentType: 'text/css' },
  '/img/bg.svg': { body: '<svg xmlns="http://www.w3.org/2000/svg"/>', contentType: 'image/svg+xml' },
  '/app.js': { body: 'document.title = "</script>";', contentType: 'application/javascript' },
  '/logo.png': { body: '\x89PNG', contentType: 'image/png' },
};
const asked: string[] = [];
const fetchFile: FetchResource = async (path) => {
  asked.push(path);
  return files[path] ?? null;
};
const at = { port: 3000, path: '/goals/list' };

describe('the document the preview frame renders', () => {
  it('inlines the page’s stylesheets, scripts and images from its own origin', async () => {
    asked.length = 0;
    const html = await pageDocument(
      '<!DOCTYPE html><html><head><link rel="stylesheet" href="/css/site.css"><script src="../app.js"></script></head>' +
        '<body><img src="/logo.png" alt="logo"><img src="/logo.png" alt="again"><img src="https://cdn.example/x.png"><script src="/missing.js"></script></body></html>',
      at,
      'tok',
      fetchFile,
    );
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(doc.querySelector('link[rel=stylesheet]')).toBeNull();
    expect(doc.querySelector('style')?.textContent).toContain('h1 { color: red }');
    expect(doc.querySelector('style')?.textContent).toContain('url("data:image/svg+xml;charset=utf-8,%3Csvg');
    const scripts = [...doc.querySelectorAll('script')];
    expect(scripts[1].hasAttribute('src')).toBe(false);
    expect(scripts[1].textContent).toBe('document.title = "<\\/script>";');
    expect(doc.querySelector('img')?.getAttribute('src')).toBe('data:image/png;base64,iVBORw==');
    // another origin stays as it is (the frame's policy blocks it); what the container lacks stays too
    expect(doc.querySelectorAll('img')[2].getAttribute('src')).toBe('https://cdn.example/x.png');
    expect(doc.querySelector('script[src="/missing.js"]')).not.toBeNull();
    // each resource is asked for once
    expect(asked.sort()).toEqual(['/app.js', '/css/site.css', '/img/bg.svg', '/logo.png', '/missing.js']);
  });

  it('puts the no-network policy and the bootstrap first into <head>, before the page’s own scripts', async () => {
    const html = await pageDocument('<p>plain</p><script>window.x = 1</script>', at, 'tok-1', fetchFile);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const [meta, boot] = [...doc.head.children];
    expect(meta.getAttribute('http-equiv')).toBe('Content-Security-Policy');
    expect(meta.getAttribute('content')).toBe(FRAME_POLICY);
    expect(FRAME_POLICY).toMatch(/default-src 'none'/);
    expect(FRAME_POLICY).toMatch(/connect-src 'none'/);
    // the frame's page (public/preview.html) has the same policy
    expect(previewPage).toContain(`<meta http-equiv="Content-Security-Policy" content="${FRAME_POLICY}" />`);
    expect(boot.textContent).toContain('"href":"http://localhost:3000/goals/list","token":"tok-1"');
    expect(doc.body.querySelector('p')?.textContent).toBe('plain');
  });

  it('keeps data: URLs, fragments and unreachable references in CSS as they are', async () => {
    const css = 'a { background: url(data:image/png;base64,AA==) } b { mask: url(#m) } i { background: url("http://other/x.png") }';
    expect(await inlineCssUrls(css, at, fetchFile)).toBe(css);
    expect(dataUrl('a b', 'text/plain; charset=utf-8')).toBe('data:text/plain;charset=utf-8,a%20b');
  });
});
