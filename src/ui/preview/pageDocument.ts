/**
 * Turns an HTML response into the document the preview frame renders: stylesheets, scripts and images the page
 * links from its own origin are fetched through the container and inlined (CSS `url()`s as data: URLs), and a
 * Content-Security-Policy without network plus the bootstrap script go first into <head>. References to other
 * origins stay as they are: the policy blocks them, as a page without network would fail to load them.
 */
import { hrefOf, resolveOnOrigin, type PreviewLocation } from './address';
import { frameScript } from './frameScript';

/** The frame's policy: nothing from the network; scripts, styles, images and fonts only inline, data: or blob:. */
export const FRAME_POLICY =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' data: blob:; style-src 'unsafe-inline' data: blob:; img-src data: blob:; " +
  "font-src data: blob:; media-src data: blob:; connect-src 'none'; frame-src 'none'; worker-src 'none'; form-action 'none'";

/** A subresource fetched from the container: its text, content type and (binary bodies) exact bytes, or null. */
export type FetchResource = (path: string) => Promise<{ body: string; contentType: string; bytes?: Uint8Array } | null>;

/** Base64 of bytes, a chunk at a time (no argument list as long as an image). */
function base64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** A data: URL of a body: its exact bytes when it has them (images, fonts), text types as UTF-8. */
export function dataUrl(body: string, contentType: string, bytes?: Uint8Array): string {
  const type = contentType.split(';')[0].trim() || 'application/octet-stream';
  if (bytes) return `data:${type};base64,${base64(bytes)}`;
   
  if (!/^(text\/|image\/svg|application\/(json|javascript))/.test(type) && /^[\x00-\xff]*$/.test(body)) return `data:${type};base64,${btoa(body)}`;
  return `data:${type};charset=utf-8,${encodeURIComponent(body)}`;
}

/** Replaces the `url(...)` references of a stylesheet (found at `at`) with data: URLs of what they point to. */
export async function inlineCssUrls(css: string, at: PreviewLocation, fetch: FetchResource): Promise<string> {
  const re = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;
  const found = new Map<string, string>();
  for (const m of css.matchAll(re)) {
    const ref = m[2].trim();
    if (found.has(ref) || /^(data|blob):/i.test(ref) || ref.startsWith('#')) continue;
    const target = resolveOnOrigin(ref, at);
    if (!('path' in target)) continue;
    const r = await fetch(target.path);
    if (r) found.set(ref, dataUrl(r.body, r.contentType, r.bytes));
  }
  return css.replace(re, (all, _q: string, ref: string) => {
    const d = found.get(ref.trim());
    return d ? `url("${d}")` : all;
  });
}

function pathOf(ref: string | null, at: PreviewLocation): string | null {
  if (!ref) return null;
  const t = resolveOnOrigin(ref, at);
  return 'path' in t ? t.path : null;
}

/** The frame's document for the HTML `html` served at `at`; `token` ties the bootstrap's messages to it. */
export async function pageDocument(html: string, at: PreviewLocation, token: string, fetch: FetchResource): Promise<string> {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const cache = new Map<string, ReturnType<FetchResource>>();
  const get: FetchResource = (path) => {
    if (!cache.has(path)) cache.set(path, fetch(path));
    return cache.get(path)!;
  };
  const sheetAt = (path: string): PreviewLocation => ({ port: at.port, path });

  for (const link of [...doc.querySelectorAll('link[rel~="stylesheet" i][href]')]) {
    const path = pathOf(link.getAttribute('href'), at);
    const r = path && (await get(path));
    if (!path || !r) continue;
    const style = doc.createElement('style');
    const media = link.getAttribute('media');
    if (media) style.setAttribute('media', media);
    style.textContent = (await inlineCssUrls(r.body, sheetAt(path), get)).replace(/<\/style/gi, '<\\/style');
    link.replaceWith(style);
  }
  for (const style of [...doc.querySelectorAll('style')]) {
    const css = style.textContent ?? '';
    if (css.includes('url(')) style.textContent = await inlineCssUrls(css, at, get);
  }
  for (const script of [...doc.querySelectorAll('script[src]')]) {
    const path = pathOf(script.getAttribute('src'), at);
    const r = path && (await get(path));
    if (!path || !r) continue;
    script.removeAttribute('src');
    script.removeAttribute('integrity');
    script.textContent = r.body.replace(/<\/script/gi, '<\\/script');
  }
  for (const img of [...doc.querySelectorAll('img[src], input[type="image" i][src], link[rel~="icon" i][href]')]) {
    const attr = img.hasAttribute('src') ? 'src' : 'href';
    const path = pathOf(img.getAttribute(attr), at);
    const r = path && (await get(path));
    if (path && r) img.setAttribute(attr, dataUrl(r.body, r.contentType, r.bytes));
    if (img.hasAttribute('srcset')) img.removeAttribute('srcset');
  }

  const meta = doc.createElement('meta');
  meta.setAttribute('http-equiv', 'Content-Security-Policy');
  meta.setAttribute('content', FRAME_POLICY);
  const boot = doc.createElement('script');
  boot.textContent = frameScript(hrefOf(at), token);
  doc.head.prepend(meta, boot);
  return (doc.doctype ? `<!DOCTYPE ${doc.doctype.name}>` : '') + doc.documentElement.outerHTML;
}
