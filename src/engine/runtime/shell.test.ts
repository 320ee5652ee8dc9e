import { describe, expect, it } from 'vitest';
import { imageFs, spawnCollect, T0 } from './test-helpers';
import { InProcessHost } from './in-process-host';
import { CH03_LAB_TXT } from './samples';

const strip = (s: string) => s.replace(/\r\n/g, '\n');
const env = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: 'f1e2d3c4b5a6', HOME: '/root' };

async function typeLines(c: ReturnType<typeof spawnCollect>, lines: string[]) {
  for (const l of lines) {
    c.proc.write(l);
    await c.proc.advanceTo(c.proc.now());
  }
}

describe('container shell', () => {
  it('runs the ch03 lab: prompt in /diamol, append a name, cat the file, exit', async () => {
    const fs = imageFs('busybox', { '/diamol/ch03.txt': CH03_LAB_TXT });
    const c = spawnCollect({ argv: ['/bin/sh'], cwd: '/diamol', env, tty: true, interactive: true, fs });
    await c.proc.advanceTo(T0);
    await typeLines(c, ['ls\r', 'echo Elton >> ch03.txt\r', 'cat ch03.txt\r', 'exit\r']);
    expect(strip(c.stdout())).toBe('/diamol # ls\nch03.txt\n/diamol # echo Elton >> ch03.txt\n/diamol # cat ch03.txt\nLab solution, by: Elton\n/diamol # exit\n');
    expect(c.exit).toMatchObject({ code: 0 });
    expect(new TextDecoder().decode(fs.readFile('/diamol/ch03.txt')!)).toBe('Lab solution, by: Elton\n');
  });

  it('never ends an endless loop as a success: the loop runs until the CPU limit stops it with 137', async () => {
    // Budget without a host clock (deterministic): DEFAULT_SPIN_BUDGET iterations in one slice.
    const c = spawnCollect({ argv: ['sh', '-c', 'echo start; while true; do :; done; echo after'], env, fs: imageFs('busybox') });
    const exit = await c.proc.exited;
    expect(exit).toMatchObject({ code: 137, reason: 'cpu-limit' });
    expect(exit.message).toMatch(/^the process looped \d+ times without waiting for anything \(an endless loop\?\)/);
    expect(c.stdout()).toBe('start\n');
  }, 60_000);

  it('stops a loop by wall time when the host has a clock, and leaves a loop that sleeps alone', async () => {
    let wall = 0;
    const host = new InProcessHost({ wallNow: () => (wall += 50) });
    const spin = spawnCollect({ argv: ['sh', '-c', 'until false; do :; done'], env, fs: imageFs('busybox'), limits: { cpuMsPerSlice: 1000 } }, host);
    expect(await spin.proc.exited).toMatchObject({ code: 137, reason: 'cpu-limit', message: expect.stringMatching(/more than 1\.0 s/) });
    const ticker = spawnCollect({ argv: ['sh', '-c', 'while true; do echo tick; sleep 1; done'], env, fs: imageFs('busybox'), limits: { cpuMsPerSlice: 1000 } }, host);
    await ticker.proc.advanceTo(T0 + 5500);
    expect(ticker.exit).toBeNull();
    expect(ticker.stdout()).toBe('tick\n'.repeat(6));
    ticker.proc.dispose();
  });

  it('feeds pipes and redirections to child programs and `read`, line by line', async () => {
    const fs = imageFs('busybox', { '/data/names.txt': 'Ann\nBo\n' });
    const c = spawnCollect({ argv: ['sh', '-c', 'printf "a\\nb\\n" | sh -c "while read x; do echo line \\$x; done"; while read n; do echo "hi $n"; done < /data/names.txt; printf abcdef | head -c 3; echo; printf abcdef | tail -c 2; echo'], env, fs });
    await c.proc.advanceTo(T0);
    expect(c.stderr()).toBe('');
    expect(c.stdout()).toBe('line a\nline b\nhi Ann\nhi Bo\nabc\nef\n');
    expect(c.exit).toMatchObject({ code: 0 });
  });

  it('runs an applet directly as the container command (docker run img cat ch03.txt)', async () => {
    const fs = imageFs('busybox', { '/diamol/ch03.txt': 'Lab solution, by: Elton\n' });
    const c = spawnCollect({ argv: ['cat', 'ch03.txt'], cwd: '/diamol', env, fs });
    await c.proc.advanceTo(T0);
    expect(c.stdout()).toBe('Lab solution, by: Elton\n');
    expect(c.exit).toMatchObject({ code: 0 });
  });

  it('reads commands from piped stdin, with &&, ||, pipes, variables and redirections', async () => {
    const fs = imageFs('busybox');
    const c = spawnCollect({ argv: ['sh'], env, interactive: true, fs });
    c.proc.write('NAME=world; echo "hello $NAME" > /tmp/x && cat /tmp/x\nfoo || echo "status $?"\necho one two three | wc -w\nprintenv HOME; hostname\ncd /nope\n');
    c.proc.closeStdin();
    await c.proc.advanceTo(T0);
    expect(c.stdout()).toBe('hello world\nstatus 127\n3\n/root\nf1e2d3c4b5a6\n');
    expect(c.stderr()).toBe("sh: foo: not found\nsh: cd: line 5: can't cd to /nope: No such file or directory\n");
    expect(c.exit).toMatchObject({ code: 2 });
  });

  it('prints the environment in busybox ash order', async () => {
    const c = spawnCollect({ argv: ['/bin/sh'], env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: 'f1e2d3c4b5a6', TERM: 'xterm', HOME: '/root' }, interactive: true, fs: imageFs('busybox') });
    c.proc.write('env\n');
    c.proc.closeStdin();
    await c.proc.advanceTo(T0);
    expect(c.stdout()).toBe('HOSTNAME=f1e2d3c4b5a6\nSHLVL=1\nHOME=/root\nTERM=xterm\nPATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nPWD=/\n');
  });

  it('runs the chapter 2 hello script (hostname, uname, ifconfig | grep)', async () => {
    const script = 'echo Hello from Chapter 2!\necho My name is:\necho $(hostname)\necho $(uname -s -r -m)\necho My address is:\necho $(ifconfig eth0 | grep inet)\n';
    const c = spawnCollect({ argv: ['sh', '/cmd.sh'], env, ipAddress: '172.17.0.5', fs: imageFs('busybox', { '/cmd.sh': script }) });
    await c.proc.advanceTo(T0);
    expect(c.stdout()).toBe('Hello from Chapter 2!\nMy name is:\nf1e2d3c4b5a6\nLinux 6.10.14-linuxkit x86_64\nMy address is:\ninet addr:172.17.0.5 Bcast:172.17.255.255 Mask:255.255.0.0\n');
  });

  it('expands globs, and keeps unmatched or malformed patterns literal', async () => {
    const fs = imageFs('busybox', { '/d/a.txt': '', '/d/b.txt': '', '/d/c.md': '' });
    const c = spawnCollect({ argv: ['sh', '-c', 'echo *.txt; echo [ab].txt; echo *.none; echo [x'], cwd: '/d', env, fs });
    await c.proc.advanceTo(T0);
    expect(c.stdout()).toBe('a.txt b.txt\na.txt b.txt\n*.none\n[x\n');
  });

  it('curl (where the image has it) and busybox wget reach the simulated internet and local servers', async () => {
    const fs = imageFs('node', { '/usr/bin/curl': { content: '#!layerlab curl\n', mode: 0o755 } });
    const c = spawnCollect({ argv: ['sh'], env: { ...env, PATH: '/usr/local/bin:/usr/bin:/bin' }, interactive: true, fs });
    const plain = spawnCollect({ argv: ['sh', '-c', 'curl http://localhost/'], env, fs: imageFs('busybox') });
    await plain.proc.advanceTo(T0);
    expect(plain.stderr()).toBe('sh: curl: not found\n');
    c.proc.write([
      "node -e \"require('http').createServer((q, s) => s.end('pong')).listen(8080)\" &",
      'curl -s http://localhost:8080/; echo " [$?]"',
      'curl -sI https://google.com | head -1',
      'curl -s https://nope.invalid; echo "[$?]"',
      'curl http://localhost:9/; echo "[$?]"',
      'wget -qO- http://localhost:8080/x; echo',
      "wget http://nope.invalid/ ; echo \"[$?]\"",
      '',
    ].join('\n'));
    await c.proc.advanceTo(T0 + 5000);
    expect(c.stdout()).toBe('pong [0]\nHTTP/1.1 301 Moved Permanently\r\n[6]\n[7]\npong\n[1]\n');
    expect(c.stderr()).toBe("curl: (7) Failed to connect to localhost port 9 after 0 ms: Couldn't connect to server\nwget: bad address 'nope.invalid'\n");
  });

  it('ps lists the container\'s other processes (docker exec)', async () => {
    const c = spawnCollect({ argv: ['ps'], env, pid: 7, peers: [{ pid: 1, command: 'node /web-ping/app.js' }], fs: imageFs('busybox') });
    await c.proc.advanceTo(T0);
    expect(c.stdout()).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 node /web-ping/app.js\n    7 root      0:00 ps\n');
  });

  it('exits 0 at once without stdin (docker run alpine)', async () => {
    const c = spawnCollect({ argv: ['/bin/sh'], env, fs: imageFs('busybox') });
    await c.proc.advanceTo(T0);
    expect(c.exit).toMatchObject({ code: 0 });
  });

  it('sh -c runs a script; sleep waits on virtual time', async () => {
    const c = spawnCollect({ argv: ['sh', '-c', 'echo start; sleep 5; date; for i in 1 2; do echo "n=$i"; done; exit 3'], env, fs: imageFs('busybox') });
    await c.proc.advanceTo(T0 + 1000);
    expect(c.stdout()).toBe('start\n');
    await c.proc.advanceTo(T0 + 6000);
    expect(c.stdout()).toBe('start\nMon Nov 23 09:00:05 UTC 2026\nn=1\nn=2\n');
    expect(c.exit).toMatchObject({ code: 3, time: T0 + 5000 });
  });

  it('runs node from the shell and returns to the prompt', async () => {
    const fs = imageFs('node', { '/app/hi.js': "console.log('hi from', process.argv[2])" });
    const c = spawnCollect({ argv: ['sh'], cwd: '/app', env, tty: true, interactive: true, fs });
    await c.proc.advanceTo(T0);
    await typeLines(c, ['node hi.js there\r', 'ls -l\r']);
    expect(strip(c.stdout())).toBe(`/app # node hi.js there\nhi from there\n/app # ls -l\ntotal 4\n-rw-r--r--    1 root     root            39 Jan  1  1970 hi.js\n/app # `);
  });

  it('bash shows its own prompt and messages (docker run -it ubuntu bash)', async () => {
    const c = spawnCollect({ argv: ['bash'], env, tty: true, interactive: true, fs: imageFs('busybox', { '/bin/bash': { content: '#!layerlab sh\n', mode: 0o755 } }) });
    await c.proc.advanceTo(T0);
    await typeLines(c, ['foo\r', '\x04']);
    expect(strip(c.stdout())).toBe('root@f1e2d3c4b5a6:/# foo\nbash: foo: command not found\nroot@f1e2d3c4b5a6:/# exit\n');
  });

  it('Ctrl-C at the prompt gives a new prompt; Ctrl-D exits', async () => {
    const c = spawnCollect({ argv: ['sh'], env, tty: true, interactive: true, fs: imageFs('busybox') });
    await c.proc.advanceTo(T0);
    await typeLines(c, ['abc\x03', '\x04']);
    expect(strip(c.stdout())).toBe('/ # abc^C\n/ # ');
    expect(c.exit).toMatchObject({ code: 0 });
  });
});

describe('Shell quoting and child programs', () => {
  const penv = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: 'f1e2d3c4b5a6', HOME: '/root' };

  it('gives "$@" one word per argument (exec "$@" too) and honours \\" inside double quotes', async () => {
    const script = 'set -- a "b c"\nfor x in "$@"; do echo "<$x>"; done\nfor x in "x$@y"; do echo "<$x>"; done\necho "q\\"q \\$HOME"\nset --\nfor x in "$@"; do echo none; done\nset -- echo "b  c" d\nexec "$@"\n';
    const c = spawnCollect({ argv: ['sh', '/t.sh'], env: penv, fs: imageFs('busybox', { '/t.sh': script }) });
    await c.proc.advanceTo(T0);
    expect(c.stdout()).toBe('<a>\n<b c>\n<xa>\n<b cy>\nq"q $HOME\nb  c d\n');
  });

  it('captures a node child\'s output in redirections and pipes', async () => {
    const files = { '/app/app.js': 'console.log("one"); console.log("two"); console.error("oops")\n' };
    const script = 'cd /app\nnode app.js > out.txt 2> err.txt\necho "status $?"\ncat out.txt err.txt\nnode app.js 2>/dev/null | grep tw\n';
    const c = spawnCollect({ argv: ['sh', '-c', script], env: penv, fs: imageFs('node', files) });
    await c.proc.advanceTo(T0 + 1000);
    expect(c.stdout()).toBe('status 0\none\ntwo\noops\ntwo\n');
    expect(c.stderr()).toBe('');
  });
});
