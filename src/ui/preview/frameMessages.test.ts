import { describe, expect, it } from 'vitest';
import { parseFrameMessage } from './frameMessages';

const msg = (m: object) => ({ layerlab: 'preview', token: 'tok', ...m });

describe('messages from the previewed page', () => {
  it('accepts well-formed navigations, submissions and fetches of the document shown', () => {
    expect(parseFrameMessage(msg({ t: 'leaving' }), 'tok')).toEqual({ t: 'leaving' });
    expect(parseFrameMessage(msg({ t: 'navigate', url: 'http://localhost:3000/a' }), 'tok')).toEqual({ t: 'navigate', url: 'http://localhost:3000/a' });
    expect(parseFrameMessage(msg({ t: 'submit', method: 'post', action: '/s', enctype: 'multipart/form-data', entries: [['a', '1'], ['f', { filename: 'x', type: '', content: 'y' }]] }), 'tok')).toEqual({
      t: 'submit',
      method: 'post',
      action: '/s',
      enctype: 'multipart/form-data',
      entries: [['a', '1'], ['f', { filename: 'x', type: '', content: 'y' }]],
    });
    expect(parseFrameMessage(msg({ t: 'fetch', id: 3, method: 'post', url: '/api', headers: { 'Content-Type': 'application/json', Cookie: 'forged=1' }, body: '{}' }), 'tok')).toEqual({
      t: 'fetch',
      id: 3,
      method: 'POST',
      url: '/api',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
  });

  it('ignores anything else: another document’s token, unknown kinds, bad shapes, header injection, odd methods', () => {
    const bad = [
      null,
      'navigate',
      { t: 'navigate', url: '/' },
      msg({ token: 'old', t: 'navigate', url: '/' }),
      msg({ t: 'eval', code: '1' }),
      msg({ t: 'navigate', url: 42 }),
      msg({ t: 'navigate', url: 'x'.repeat(9000) }),
      msg({ t: 'submit', method: 'post', action: '/', enctype: '', entries: [['a']] }),
      msg({ t: 'submit', method: 'post', action: '/', enctype: '', entries: [['a', { filename: 1 }]] }),
      msg({ t: 'fetch', id: 1.5, method: 'GET', url: '/' }),
      msg({ t: 'fetch', id: 1, method: 'CONNECT', url: '/' }),
      msg({ t: 'fetch', id: 1, method: 'GET', url: '/', headers: { 'x-a': 'b\r\nhost: evil' } }),
      msg({ t: 'fetch', id: 1, method: 'GET', url: '/', headers: { 'bad name': 'x' } }),
      msg({ t: 'fetch', id: 1, method: 'GET', url: '/', headers: ['x'] }),
    ];
    for (const b of bad) expect(parseFrameMessage(b, 'tok'), JSON.stringify(b)?.slice(0, 80)).toBeNull();
  });
});
