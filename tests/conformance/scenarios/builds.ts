/**
 * The build corpus. Every Dockerfile starts FROM busybox (the only image the oracle has). Each scenario is a
 * sequence of builds on one daemon with a clean cache at its start; every build after the first describes an
 * edit to the previous context. Add scenarios at the end; `npm run conformance:docker` records them.
 */
import type { Scenario } from './types';

const NODE_LIKE = `FROM busybox
WORKDIR /app
COPY package.json ./
RUN wc -c package.json > /deps.installed
COPY server.js ./
RUN cat server.js > /server.built
CMD ["sh"]
`;

export const buildScenarios: Scenario[] = [
  {
    name: 'edit-source-after-deps',
    builds: [
      { note: 'first build: everything runs', files: { Dockerfile: NODE_LIKE, 'package.json': '{"name":"app"}\n', 'server.js': 'console.log(1)\n' } },
      { note: 'no change: everything cached', files: {} },
      { note: 'server.js edited: deps stay cached, the COPY of server.js and later miss', files: { 'server.js': 'console.log(2)\n' } },
      { note: 'package.json edited: cascade from its COPY', files: { 'package.json': '{"name":"app","v":2}\n' } },
      { note: 'a new file not copied by any COPY: cached', files: { 'README.md': 'hello\n' } },
    ],
  },
  {
    name: 'chmod-and-touch',
    builds: [
      {
        note: 'first build',
        files: {
          Dockerfile: 'FROM busybox\nCOPY run.sh /tools/bin/\nRUN if test -x /tools/bin/run.sh; then echo exec; else echo plain; fi > /mode.txt\n',
          'run.sh': 'echo run\n',
        },
      },
      { note: 'touch (mtime only): stays cached', touch: ['run.sh'] },
      { note: 'chmod +x: the mode is part of the COPY checksum, so it misses', chmod: { 'run.sh': 0o755 } },
      { note: 'same mode again after touch: cached', touch: ['run.sh'] },
    ],
  },
  {
    name: 'env-arg-label',
    builds: [
      {
        note: 'first build',
        files: {
          Dockerfile: 'FROM busybox\nARG V=1\nENV E=a\nLABEL team=red\nCOPY f.txt /f.txt\nRUN echo "$V $E" > /out\n',
          'f.txt': 'f\n',
        },
      },
      { note: '--build-arg V=2: the RUN misses', flags: ['--build-arg', 'V=2'] },
      { note: 'back to the default arg: cached again', flags: [] },
      { note: 'ENV value changed', files: { Dockerfile: 'FROM busybox\nARG V=1\nENV E=b\nLABEL team=red\nCOPY f.txt /f.txt\nRUN echo "$V $E" > /out\n' } },
      { note: 'LABEL changed', files: { Dockerfile: 'FROM busybox\nARG V=1\nENV E=b\nLABEL team=blue\nCOPY f.txt /f.txt\nRUN echo "$V $E" > /out\n' } },
      { note: '--build-arg for an undeclared arg', flags: ['--build-arg', 'NOPE=1'] },
    ],
  },
  {
    name: 'dockerignore',
    builds: [
      {
        note: 'first build, COPY . with ignored logs',
        files: {
          Dockerfile: 'FROM busybox\nWORKDIR /ctx\nCOPY . .\nRUN find . | sort > /tree\n',
          '.dockerignore': '*.log\nsecret/\n',
          'app.txt': 'app\n',
          'debug.log': 'log 1\n',
          'secret/key': 'k\n',
          'src/a.txt': 'a\n',
        },
      },
      { note: 'an ignored file changed: cached', files: { 'debug.log': 'log 2\n' } },
      { note: 'a new ignored file: cached', files: { 'trace.log': 't\n' } },
      { note: 'a file under an ignored dir changed: cached', files: { 'secret/key': 'k2\n' } },
      { note: '.dockerignore edited to re-include one log', files: { '.dockerignore': '*.log\n!debug.log\nsecret/\n' } },
      { note: 'a copied file removed from the context', files: { 'src/a.txt': null } },
    ],
  },
  {
    name: 'dockerfile-in-context',
    builds: [
      { note: 'first build: COPY . . includes the Dockerfile', files: { Dockerfile: 'FROM busybox\nCOPY . /src/\n', 'a.txt': 'a\n' } },
      { note: 'a comment added to the Dockerfile: COPY . misses because the Dockerfile is in the context', files: { Dockerfile: '# comment\nFROM busybox\nCOPY . /src/\n' } },
      { note: 'Dockerfile ignored: its edits no longer matter', files: { '.dockerignore': 'Dockerfile\n' } },
      { note: 'edit the ignored Dockerfile comment: cached', files: { Dockerfile: '# another comment\nFROM busybox\nCOPY . /src/\n' } },
    ],
  },
  {
    name: 'copy-forms',
    builds: [
      {
        note: 'first build: files, dirs, globs, rename, JSON form, ADD',
        files: {
          Dockerfile: [
            'FROM busybox',
            'COPY a.txt b.txt /multi/',
            'COPY dir/ /d1/',
            'COPY dir /d2',
            'COPY *.md /docs/',
            'COPY a.txt /renamed.txt',
            'COPY ["with space.txt", "/sp/"]',
            'ADD a.txt /added/',
            'WORKDIR /rel',
            'COPY a.txt ./here/',
            '',
          ].join('\n'),
          'a.txt': 'a\n',
          'b.txt': 'b\n',
          'dir/x.txt': 'x\n',
          'dir/sub/y.txt': 'y\n',
          'one.md': '1\n',
          'two.md': '2\n',
          'with space.txt': 's\n',
        },
      },
      { note: 'a glob match edited: only the glob COPY and later miss', files: { 'two.md': '22\n' } },
      { note: 'a new glob match added', files: { 'three.md': '3\n' } },
      { note: 'a file inside a copied directory edited', files: { 'dir/sub/y.txt': 'yy\n' } },
    ],
  },
  {
    name: 'multi-stage',
    builds: [
      {
        note: 'first build: unused stage skipped by BuildKit, built by classic',
        files: {
          Dockerfile: [
            'FROM busybox AS build',
            'COPY src.txt /src.txt',
            'RUN tr a-z A-Z < /src.txt > /out.txt',
            '',
            'FROM busybox AS unused',
            'RUN echo unused > /unused.txt',
            '',
            'FROM busybox',
            'COPY --from=build /out.txt /final.txt',
            'RUN cat /final.txt > /final.copy',
            '',
          ].join('\n'),
          'src.txt': 'hello\n',
        },
      },
      { note: 'no change', files: {} },
      { note: 'source edited: build stage and final copy miss', files: { 'src.txt': 'world\n' } },
      { note: '--target build', flags: ['--target', 'build'] },
      { note: '--target unused', flags: ['--target', 'unused'] },
    ],
  },
  {
    name: 'no-cache',
    builds: [
      { note: 'first build', files: { Dockerfile: 'FROM busybox\nCOPY a.txt /\nRUN cat /a.txt > /b.txt\n', 'a.txt': 'a\n' } },
      { note: '--no-cache rebuilds everything', flags: ['--no-cache'] },
      { note: 'then cached again', flags: [] },
    ],
  },
  {
    name: 'keyword-case-comments-whitespace',
    builds: [
      {
        note: 'lower-case keywords, comments, continuation lines',
        files: {
          Dockerfile: ['from busybox', '# a comment', 'run echo one \\', '  && echo two > /two.txt', 'copy a.txt /a.txt', ''].join('\n'),
          'a.txt': 'a\n',
        },
      },
      {
        note: 'only a comment changed: cached',
        files: { Dockerfile: ['from busybox', '# a different comment', 'run echo one \\', '  && echo two > /two.txt', 'copy a.txt /a.txt', ''].join('\n') },
      },
      {
        note: 'keyword case changed: same instruction, cached',
        files: { Dockerfile: ['FROM busybox', '# a different comment', 'RUN echo one \\', '  && echo two > /two.txt', 'COPY a.txt /a.txt', ''].join('\n') },
      },
      {
        note: 'whitespace inside the RUN command changed: the command text differs, so it misses',
        files: { Dockerfile: ['FROM busybox', '# a different comment', 'RUN echo one \\', '  &&  echo two > /two.txt', 'COPY a.txt /a.txt', ''].join('\n') },
      },
      {
        note: 'a comment line inside the continuation vanishes: cached',
        files: { Dockerfile: ['FROM busybox', '# a different comment', 'RUN echo one \\', '# inside', '  &&  echo two > /two.txt', 'COPY a.txt /a.txt', ''].join('\n') },
      },
    ],
  },
  {
    name: 'metadata-only-changes',
    builds: [
      {
        note: 'first build',
        files: { Dockerfile: 'FROM busybox\nRUN echo a > /a\nEXPOSE 80\nUSER nobody\nCMD ["sh"]\n' },
      },
      { note: 'EXPOSE and CMD changed after the RUN', files: { Dockerfile: 'FROM busybox\nRUN echo a > /a\nEXPOSE 8080\nUSER nobody\nCMD ["echo", "hi"]\n' } },
      { note: 'USER moved before the RUN', files: { Dockerfile: 'FROM busybox\nUSER nobody\nRUN echo a > /tmp/a\nEXPOSE 8080\nCMD ["echo", "hi"]\n' } },
    ],
  },
  {
    name: 'run-edit-cascade',
    builds: [
      {
        note: 'first build',
        files: { Dockerfile: 'FROM busybox\nRUN echo 1 > /one\nRUN echo 2 > /two\nCOPY a.txt /a.txt\nRUN echo 3 > /three\n', 'a.txt': 'a\n' },
      },
      { note: 'middle RUN edited: later steps miss', files: { Dockerfile: 'FROM busybox\nRUN echo 1 > /one\nRUN echo 22 > /two\nCOPY a.txt /a.txt\nRUN echo 3 > /three\n' } },
      { note: 'a RUN that deletes a base file', files: { Dockerfile: 'FROM busybox\nRUN echo 1 > /one\nRUN echo 22 > /two\nCOPY a.txt /a.txt\nRUN echo 3 > /three && rm /etc/group\n' } },
    ],
  },
  {
    name: 'failing-builds',
    builds: [
      { note: 'COPY of a missing file fails', files: { Dockerfile: 'FROM busybox\nCOPY missing.txt /\n' } },
      { note: 'RUN exiting 3 fails', files: { Dockerfile: 'FROM busybox\nRUN exit 3\n' } },
      { note: 'fixed: builds', files: { Dockerfile: 'FROM busybox\nRUN true\n' } },
    ],
  },
  {
    name: 'global-arg-env-substitution-workdir',
    builds: [
      {
        note: 'ARG before FROM, ENV in a COPY destination, relative WORKDIRs',
        files: {
          Dockerfile: 'ARG BASE=busybox\nFROM $BASE\nENV D=/dest\nCOPY a.txt $D/\nWORKDIR rel\nWORKDIR sub\nRUN pwd > /pwd.txt\n',
          'a.txt': 'a\n',
        },
      },
      { note: 'ENV used by the COPY destination changed', files: { Dockerfile: 'ARG BASE=busybox\nFROM $BASE\nENV D=/dest2\nCOPY a.txt $D/\nWORKDIR rel\nWORKDIR sub\nRUN pwd > /pwd.txt\n' } },
      { note: '--build-arg BASE=busybox:latest names the same image', flags: ['--build-arg', 'BASE=busybox:latest'] },
    ],
  },
  {
    name: 'arg-env-precedence',
    builds: [
      { note: 'ENV overrides ARG of the same name', files: { Dockerfile: 'FROM busybox\nARG V=a\nENV V=env\nRUN echo $V > /v.txt\n' } },
      { note: '--build-arg V=b although ENV V wins', flags: ['--build-arg', 'V=b'] },
      { note: 'ARG without default, given on the command line', files: { Dockerfile: 'FROM busybox\nARG W\nRUN echo "w=$W" > /w.txt\n' }, flags: ['--build-arg', 'W=1'] },
      { note: 'same ARG, no --build-arg', flags: [] },
    ],
  },
  {
    name: 'owners-and-modes',
    builds: [
      {
        note: 'COPY --chown, USER, files and modes made by RUN',
        files: {
          Dockerfile:
            'FROM busybox\nCOPY --chown=1000:1000 a.txt /owned/\nRUN mkdir -p /m && chmod 700 /m && echo x > /m/f && chmod 600 /m/f\nUSER nobody\nRUN echo n > /tmp/n.txt\n',
          'a.txt': 'a\n',
        },
      },
      {
        note: '--chown changed',
        files: {
          Dockerfile:
            'FROM busybox\nCOPY --chown=1001:1001 a.txt /owned/\nRUN mkdir -p /m && chmod 700 /m && echo x > /m/f && chmod 600 /m/f\nUSER nobody\nRUN echo n > /tmp/n.txt\n',
        },
      },
    ],
  },
  {
    name: 'copy-chmod',
    builders: ['buildkit'],
    builds: [
      { note: 'COPY --chmod (BuildKit only)', files: { Dockerfile: 'FROM busybox\nCOPY --chmod=755 a.sh /tools/\n', 'a.sh': 'echo a\n' } },
      { note: '--chmod changed', files: { Dockerfile: 'FROM busybox\nCOPY --chmod=700 a.sh /tools/\n' } },
      { note: 'source mode changed but --chmod fixes the result', chmod: { 'a.sh': 0o600 } },
    ],
  },
  {
    name: 'dockerignore-patterns',
    builds: [
      {
        note: 'comments, **, anchored dirs, exceptions inside an excluded dir, single-level globs',
        files: {
          Dockerfile: 'FROM busybox\nCOPY . /c/\n',
          '.dockerignore': '# comment\n**/*.tmp\n/build\n!build/keep.txt\ndocs/*.md\n',
          'a.tmp': '1\n',
          'sub/b.tmp': '1\n',
          'build/out.bin': '1\n',
          'build/keep.txt': '1\n',
          'docs/x.md': '1\n',
          'docs/sub/y.md': '1\n',
          'keep.txt': '1\n',
        },
      },
      { note: 'a nested .tmp changed (ignored by **)', files: { 'sub/b.tmp': '2\n' } },
      { note: 'an excluded build output changed', files: { 'build/out.bin': '2\n' } },
      { note: 'the re-included build/keep.txt changed', files: { 'build/keep.txt': '2\n' } },
      { note: 'a nested doc not matched by docs/*.md changed', files: { 'docs/sub/y.md': '2\n' } },
      { note: 'a matched doc changed', files: { 'docs/x.md': '2\n' } },
    ],
  },
  {
    name: 'onbuild-local-parent',
    builds: [
      {
        note: 'a parent image with ONBUILD triggers (tagged conformance-1)',
        files: { Dockerfile: 'FROM busybox\nONBUILD COPY a.txt /onbuild/\nONBUILD RUN echo triggered > /t.txt\n', 'a.txt': 'a\n' },
      },
      { note: 'FROM the local parent: triggers run', files: { Dockerfile: 'FROM conformance-1\nRUN ls /onbuild > /l.txt\n' } },
      { note: 'no change: cached', files: {} },
      { note: 'the file a trigger copies changed', files: { 'a.txt': 'a2\n' } },
    ],
  },
  {
    name: 'dockerfile-flag',
    builds: [
      { note: '-f names a Dockerfile in a subdirectory', files: { 'build/Dockerfile.dev': 'FROM busybox\nCOPY app.txt /\n', 'app.txt': 'x\n' }, flags: ['-f', 'build/Dockerfile.dev'] },
      { note: 'that Dockerfile edited after the COPY', files: { 'build/Dockerfile.dev': 'FROM busybox\nCOPY app.txt /\nRUN cat /app.txt > /copy.txt\n' }, flags: ['-f', 'build/Dockerfile.dev'] },
    ],
  },
  {
    name: 'unreachable-stage-edit',
    builds: [
      {
        note: 'three stages, the final one built from the first',
        files: {
          Dockerfile: 'FROM busybox AS base\nRUN echo base > /base.txt\n\nFROM busybox AS other\nCOPY u.txt /u.txt\n\nFROM base\nCOPY f.txt /f.txt\n',
          'u.txt': 'u\n',
          'f.txt': 'f\n',
        },
      },
      { note: 'a file only the unreachable stage copies changed', files: { 'u.txt': 'u2\n' } },
      { note: 'the final stage\'s file changed', files: { 'f.txt': 'f2\n' } },
    ],
  },
  {
    name: 'revert-finds-old-cache',
    builds: [
      { note: 'COPY a directory', files: { Dockerfile: 'FROM busybox\nCOPY src/ /src/\nRUN ls /src > /ls.txt\n', 'src/a.txt': 'a\n' } },
      { note: 'a new file in the copied directory', files: { 'src/new.txt': 'n\n' } },
      { note: 'removed again: the first build\'s cache is found', files: { 'src/new.txt': null } },
      { note: 'an empty file and a file without a final newline', files: { 'src/empty.txt': '', 'src/nonl.txt': 'no newline' } },
    ],
  },
  {
    name: 'runsh-script-files',
    builds: [
      {
        note: 'a script copied, made executable by RUN, then run: writes, moves, deletes, links and chmods files',
        files: {
          Dockerfile: 'FROM busybox\nWORKDIR /work\nCOPY build.sh .\nRUN chmod +x build.sh\nRUN ./build.sh\nRUN ls -1 /work /out > /listing.txt\n',
          'build.sh': '#!/bin/sh\nset -e\nmkdir -p /out/sub /tmp/scratch\necho one > /out/a.txt\nprintf "two\\nthree\\n" > /out/b.txt\nmv /out/b.txt /out/sub/b.txt\ncp /out/a.txt /out/c.txt\nrm /out/c.txt\nln -s /out/a.txt /out/link\nchmod 0600 /out/a.txt\nchmod 0750 /out/sub\ntouch /out/empty\nrm -rf /tmp/scratch\necho done\n',
        },
      },
      { note: 'no change: all cached', files: {} },
      {
        note: 'the script edited: its COPY misses and the RUN steps after it run again',
        files: { 'build.sh': '#!/bin/sh\nset -e\nmkdir -p /out\necho changed > /out/a.txt\nrm -f /etc/group\n' },
      },
      { note: 'the x bit set in the context: the COPY misses (mode is in its checksum) and every RUN after it runs again', chmod: { 'build.sh': 0o755 } },
    ],
  },
  {
    name: 'runsh-shell-language',
    builds: [
      {
        note: 'functions, case, arithmetic, parameter expansions, loops and a here-document in RUN',
        files: {
          Dockerfile:
            'FROM busybox\n' +
            'RUN f() { echo "f:$1:$#"; }; f a b; n=0; for i in 1 2 3 4; do n=$((n + i * 2)); done; echo "n=$n" > /calc.txt\n' +
            'RUN v=archive.tar.gz; echo "${v%.gz} ${v#*.} ${v%%.*} ${#v} ${u:-dflt}" > /params.txt\n' +
            'RUN for w in apple kiwi fig; do case "$w" in a*) echo "A $w";; k*|f*) echo "KF $w";; *) echo other;; esac; done > /case.txt\n' +
            'RUN i=0; while [ $i -lt 5 ]; do i=$((i+1)); [ $i -eq 3 ] && continue; echo $i; done > /loop.txt\n' +
            'RUN printf "c\\nb\\na\\nb\\n" | sort | uniq > /sorted.txt && cat /sorted.txt | tr a-z A-Z > /upper.txt\n',
        },
      },
      {
        note: 'one RUN edited: only it and what follows run again',
        files: {
          Dockerfile:
            'FROM busybox\n' +
            'RUN f() { echo "f:$1:$#"; }; f a b; n=0; for i in 1 2 3 4; do n=$((n + i * 2)); done; echo "n=$n" > /calc.txt\n' +
            'RUN v=archive.tar.gz; echo "${v%.gz} ${v#*.} ${v%%.*} ${#v} ${u:-default}" > /params.txt\n' +
            'RUN for w in apple kiwi fig; do case "$w" in a*) echo "A $w";; k*|f*) echo "KF $w";; *) echo other;; esac; done > /case.txt\n' +
            'RUN i=0; while [ $i -lt 5 ]; do i=$((i+1)); [ $i -eq 3 ] && continue; echo $i; done > /loop.txt\n' +
            'RUN printf "c\\nb\\na\\nb\\n" | sort | uniq > /sorted.txt && cat /sorted.txt | tr a-z A-Z > /upper.txt\n',
        },
      },
    ],
  },
  {
    name: 'runsh-failures',
    builds: [
      { note: 'a command that is not there: 127', files: { Dockerfile: 'FROM busybox\nRUN nosuchcommand --flag\n' } },
      { note: 'a script without the x bit: 126', files: { Dockerfile: 'FROM busybox\nCOPY s.sh /s.sh\nRUN /s.sh\n', 's.sh': '#!/bin/sh\necho hi\n' } },
      { note: 'set -e stops at the first failing command', files: { Dockerfile: 'FROM busybox\nRUN set -e; echo a > /a.txt; false; echo b > /b.txt\n' } },
      { note: 'a failing command in a pipeline does not fail the step', files: { Dockerfile: 'FROM busybox\nRUN false | true\nRUN echo ok > /ok.txt\n' } },
      { note: 'exit code from a subshell', files: { Dockerfile: 'FROM busybox\nRUN (exit 4)\n' } },
      { note: 'exec form with a missing program', files: { Dockerfile: 'FROM busybox\nRUN ["/bin/nothere", "x"]\n' } },
      { note: 'fixed: builds', files: { Dockerfile: 'FROM busybox\nRUN test -d /bin && echo fine > /fine.txt\n' } },
    ],
  },
];
