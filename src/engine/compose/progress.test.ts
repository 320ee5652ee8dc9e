import { describe, expect, it } from 'vitest';
import { ProgressWriter, progressMode } from './progress';

describe('Compose progress', () => {
  it('prints plain events as pkg/progress/plain.go does', () => {
    let out = '';
    const w = new ProgressWriter((t) => (out += t), 'plain', () => 0);
    w.event({ id: 'Network app_default', status: 'working', text: 'Creating' });
    w.event({ id: 'Network app_default', status: 'done', text: 'Created' });
    w.event({ id: 'web', status: 'done', text: '', detail: 'Pulled' });
    w.done();
    expect(out).toBe(' Network app_default  Creating\n Network app_default  Created\n web Pulled \n');
  });

  it('draws the [+] block with ✔, padded statuses and timers on a terminal', () => {
    let out = '';
    let now = 0;
    const w = new ProgressWriter((t) => (out += t), 'tty', () => now, 'Running', 60, false);
    w.event({ id: 'Network app_default', status: 'working', text: 'Creating' });
    now = 100;
    w.event({ id: 'Network app_default', status: 'done', text: 'Created' });
    w.event({ id: 'Container app-web-1', status: 'working', text: 'Creating' });
    now = 1300;
    w.event({ id: 'Container app-web-1', status: 'done', text: 'Started' });
    expect(out).toBe('');
    w.done();
    expect(out).toBe(
      '[+] Running 2/2\n' +
        ' ✔ Network app_default  Created                        0.1s \n' +
        ' ✔ Container app-web-1  Started                        1.2s \n',
    );
  });

  it('picks tty on a terminal and plain otherwise, as --progress auto does', () => {
    expect(progressMode('', true)).toBe('tty');
    expect(progressMode('auto', false)).toBe('plain');
    expect(progressMode('quiet', true)).toBe('quiet');
    expect(progressMode('fancy', true)).toBeNull();
  });
});
