import { describe, expect, it } from 'vitest';
import { formatTable } from './tabwriter';

describe('formatTable (Go tabwriter: minwidth 10, padding 3)', () => {
  it('lays out docker image ls exactly', () => {
    const out = formatTable([
      ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'],
      ['web-ping', 'latest', '1113b0fb22da', '24 seconds ago', '26.2MB'],
      ['diamol/node', 'latest', '9dfa73010b19', '2 years ago', '75.5MB'],
      ['<none>', '<none>', 'a0971c4015c1', '6 minutes ago', '11MB'],
    ]);
    expect(out).toBe(
      'REPOSITORY    TAG       IMAGE ID       CREATED          SIZE\n' +
        'web-ping      latest    1113b0fb22da   24 seconds ago   26.2MB\n' +
        'diamol/node   latest    9dfa73010b19   2 years ago      75.5MB\n' +
        '<none>        <none>    a0971c4015c1   6 minutes ago    11MB\n',
    );
  });

  it('matches a real docker history transcript, counting … as one column', () => {
    const out = formatTable([
      ['IMAGE', 'CREATED', 'CREATED BY', 'SIZE', 'COMMENT'],
      ['8bd85c42fa7f', '3 minutes ago', 'CMD ["/bin/sh" "-c" "/app/hello.sh"]', '0B', 'buildkit.dockerfile.v0'],
      ['<missing>', '3 minutes ago', 'RUN /bin/sh -c chmod +x /app/hello.sh # buil…', '39B', 'buildkit.dockerfile.v0'],
      ['<missing>', '7 weeks ago', '/bin/sh -c #(nop)  CMD ["/bin/sh"]', '0B', ''],
    ]);
    expect(out).toBe(
      'IMAGE          CREATED         CREATED BY                                      SIZE      COMMENT\n' +
        '8bd85c42fa7f   3 minutes ago   CMD ["/bin/sh" "-c" "/app/hello.sh"]            0B        buildkit.dockerfile.v0\n' +
        '<missing>      3 minutes ago   RUN /bin/sh -c chmod +x /app/hello.sh # buil…   39B       buildkit.dockerfile.v0\n' +
        '<missing>      7 weeks ago     /bin/sh -c #(nop)  CMD ["/bin/sh"]              0B        \n',
    );
  });

  it('pads empty cells but never the last column', () => {
    expect(formatTable([['A', '', 'C'], ['', '', '']])).toBe('A                   C\n                    \n');
  });

  it('pads to minwidth 10 and widens to longest + 3', () => {
    expect(formatTable([['a', 'b']])).toBe('a         b\n');
    expect(formatTable([['abcdefgh', 'b']])).toBe('abcdefgh   b\n');
  });

  it('aligns column blocks like Go when rows have different lengths', () => {
    // Line 2 has no cell in column 0's block beyond its text, so the block ends there.
    expect(formatTable([['a', 'b'], ['only'], ['longer-cell', 'c']])).toBe('a         b\nonly\nlonger-cell   c\n');
  });

  it('returns an empty string for no rows', () => {
    expect(formatTable([])).toBe('');
  });
});
