import { describe, expect, it } from 'vitest';
import { buildFormRequest } from './formRequest';

const b = () => 'XyZ';

describe('a form submission as a request', () => {
  it('GET puts the fields into the query, replacing the action’s own', () => {
    expect(buildFormRequest({ method: 'get', action: '/search?old=1', enctype: 'application/x-www-form-urlencoded', entries: [['q', 'docker layers'], ['n', 'ä&=']] }, b)).toEqual({
      method: 'GET',
      path: '/search?q=docker+layers&n=%C3%A4%26%3D',
      headers: {},
    });
  });

  it('POST urlencoded sends the body the goals app reads with bodyParser.urlencoded', () => {
    expect(buildFormRequest({ method: 'POST', action: '/store-goal', enctype: 'application/x-www-form-urlencoded', entries: [['goal', 'Learn Docker & more']] }, b)).toEqual({
      method: 'POST',
      path: '/store-goal',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'goal=Learn+Docker+%26+more',
    });
  });

  it('POST multipart/form-data has one part per field, files with their name and type', () => {
    const r = buildFormRequest(
      { method: 'post', action: '/upload', enctype: 'multipart/form-data', entries: [['title', 'a\nb'], ['file', { filename: 'notes.txt', type: 'text/plain', content: 'hi' }]] },
      b,
    );
    expect(r.headers).toEqual({ 'content-type': 'multipart/form-data; boundary=XyZ' });
    expect(r.body).toBe(
      '--XyZ\r\nContent-Disposition: form-data; name="title"\r\n\r\na\r\nb\r\n' +
        '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="notes.txt"\r\nContent-Type: text/plain\r\n\r\nhi\r\n' +
        '--XyZ--\r\n',
    );
  });
});
