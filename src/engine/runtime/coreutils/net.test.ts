import { describe, expect, it } from 'vitest';
import { alpineFs, run } from '../packages/testing';
import { readText } from '../fs-helpers';

describe('downloads from hosts the simulated internet does not have', () => {
  it('wget and curl -o save a placeholder of a deterministic size; printing to the terminal still fails to resolve', async () => {
    const fs = alpineFs({}, { '/usr/bin/curl': 'curl' });
    const w = await run(fs, 'cd /tmp && wget https://github.com/tini/releases/download/v0.19.0/tini-static');
    expect(w.exit?.code).toBe(0);
    expect(w.stderr()).toMatch(/^Connecting to github\.com/);
    const c = await run(fs, 'curl -fsSLo /tmp/app.tar.gz https://downloads.example.org/app-1.2.tar.gz && echo ok');
    expect(c.stdout()).toBe('ok\n');
    expect(fs.stat('/tmp/app.tar.gz')!.size).toBeGreaterThan(200_000);
    const again = await run(fs, 'curl -sO https://downloads.example.org/app-1.2.tar.gz', { cwd: '/tmp' });
    expect(again.exit?.code).toBe(0);
    expect(fs.stat('/tmp/app-1.2.tar.gz')!.size).toBe(fs.stat('/tmp/app.tar.gz')!.size);
    await run(fs, 'curl -sfo /tmp/setup.sh https://deb.nodesource.example/setup_20.x.sh');
    expect(readText(fs, '/tmp/setup.sh')).toContain('Layerlab does not download files from the internet');
    const term = await run(fs, 'curl -sS https://nowhere.example.net/');
    expect(term.exit?.code).toBe(6);
    expect(term.stderr()).toBe('curl: (6) Could not resolve host: nowhere.example.net\n');
  });

  it('curl -o shows the progress meter unless -s', async () => {
    const fs = alpineFs({}, { '/usr/bin/curl': 'curl' });
    const r = await run(fs, 'curl -o /tmp/page.html http://example.com/');
    expect(r.stderr()).toMatch(/^ {2}% Total {4}% Received % Xferd {2}Average Speed {3}Time {4}Time {5}Time {2}Current\n {33}Dload {2}Upload {3}Total {3}Spent {4}Left {2}Speed\n100 +\d+ {2}100 +\d+ {4}0 {5}0/);
    expect(readText(fs, '/tmp/page.html')).toContain('Example Domain');
  });
});
