/**
 * The request a browser makes when a form is submitted (HTML's form submission algorithm): GET puts the fields
 * into the query; POST sends them urlencoded, as multipart/form-data, or as text/plain, by the form's enctype.
 */

/** A file field as the frame sends it: its name, type and text content. */
export interface FormFile {
  filename: string;
  type: string;
  content: string;
}

export type FormEntry = [name: string, value: string | FormFile];

export interface FormSubmission {
  method: string;
  /** Path and query of the form's action, already resolved. */
  action: string;
  enctype: string;
  entries: FormEntry[];
}

export interface BuiltRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const flat = (entries: FormEntry[]): [string, string][] => entries.map(([k, v]) => [k, typeof v === 'string' ? v : v.filename]);

const quote = (s: string) => s.replace(/\r\n|\r|\n/g, '%0D%0A').replace(/"/g, '%22');

/** The multipart/form-data body of `entries` between `boundary` lines. */
export function multipartBody(entries: FormEntry[], boundary: string): string {
  let out = '';
  for (const [name, v] of entries) {
    out += `--${boundary}\r\n`;
    if (typeof v === 'string') {
      out += `Content-Disposition: form-data; name="${quote(name)}"\r\n\r\n${v.replace(/\r\n|\r|\n/g, '\r\n')}\r\n`;
    } else {
      out += `Content-Disposition: form-data; name="${quote(name)}"; filename="${quote(v.filename)}"\r\n`;
      out += `Content-Type: ${v.type || 'application/octet-stream'}\r\n\r\n${v.content}\r\n`;
    }
  }
  return out + `--${boundary}--\r\n`;
}

export function buildFormRequest(form: FormSubmission, boundary: () => string): BuiltRequest {
  const method = form.method.toUpperCase() === 'POST' ? 'POST' : 'GET';
  if (method === 'GET') {
    const [path] = form.action.split('#');
    const q = new URLSearchParams(flat(form.entries)).toString();
    return { method, path: path.split('?')[0] + (q ? `?${q}` : '?'), headers: {} };
  }
  const enctype = form.enctype.toLowerCase();
  if (enctype === 'multipart/form-data') {
    const b = boundary();
    return { method, path: form.action, headers: { 'content-type': `multipart/form-data; boundary=${b}` }, body: multipartBody(form.entries, b) };
  }
  if (enctype === 'text/plain') {
    const body = flat(form.entries).map(([k, v]) => `${k}=${v}\r\n`).join('');
    return { method, path: form.action, headers: { 'content-type': 'text/plain' }, body };
  }
  const body = new URLSearchParams(flat(form.entries)).toString();
  return { method, path: form.action, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body };
}
