/** `docker login`: a simulated Docker Hub login (any password; the username becomes your push namespace). */
import type { CommandSpec } from '../command';
import { cliError, daemonError } from '../daemon-error';
import type { StdinSource } from '../../core/io';

async function readLine(stdin: StdinSource | null, buf: { rest: string }): Promise<string | null> {
  while (!buf.rest.includes('\n')) {
    const chunk = stdin ? await stdin.read() : null;
    if (chunk === null) {
      if (buf.rest === '') return null;
      const l = buf.rest;
      buf.rest = '';
      return l;
    }
    buf.rest += chunk;
  }
  const i = buf.rest.indexOf('\n');
  const l = buf.rest.slice(0, i).replace(/\r$/, '');
  buf.rest = buf.rest.slice(i + 1);
  return l;
}

export const loginCommand: CommandSpec = {
  path: ['login'],
  usage: 'docker login [OPTIONS] [SERVER]',
  short: 'Authenticate to a registry',
  long: 'Authenticate to a registry.\nDefaults to Docker Hub if no server is specified.',
  args: { max: 1 },
  flags: [
    { name: 'password', short: 'p', type: 'string', usage: 'Password or Personal Access Token (PAT)' },
    { name: 'password-stdin', type: 'bool', usage: 'Take the Password or Personal Access Token (PAT) from stdin' },
    { name: 'username', short: 'u', type: 'string', usage: 'Username' },
  ],
  async run({ engine, io, flags, args }) {
    const server = args[0];
    if (server && !/^(https?:\/\/)?(index\.)?docker\.io(\/v1\/?)?$/.test(server)) {
      return daemonError(io, `Get "https://${server.replace(/^https?:\/\//, '').replace(/\/.*$/, '')}/v2/": dial tcp: lookup ${server.replace(/^https?:\/\//, '').replace(/[:/].*$/, '')}: no such host`);
    }
    let username = flags.string('username');
    let password = flags.string('password');
    const buf = { rest: '' };
    if (flags.bool('password-stdin')) {
      if (flags.has('password')) return cliError(io, '--password and --password-stdin are mutually exclusive');
      if (!username) return cliError(io, 'Must provide --username with --password-stdin');
      password = ((await readLine(io.stdin, buf)) ?? '').trim();
    } else if (flags.has('password')) {
      io.stderr('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n');
    }
    if (!username) {
      io.stdout('Username: ');
      username = ((await readLine(io.stdin, buf)) ?? '').trim();
      if (!username) return cliError(io, 'Error: Non-null Username Required');
    }
    if (!password) {
      io.stdout('Password: ');
      password = (await readLine(io.stdin, buf)) ?? '';
      io.stdout('\n');
      if (!password) return cliError(io, 'Error: Password Required');
    }
    const r = engine.registry.login(username, password);
    if (!r.ok) return daemonError(io, r.error.message);
    io.stdout('Login Succeeded\n');
    return 0;
  },
};

export const logoutCommand: CommandSpec = {
  path: ['logout'],
  usage: 'docker logout [SERVER]',
  short: 'Log out from a registry',
  long: 'Log out from a registry.\nIf no server is specified, the default is defined by the daemon.',
  args: { max: 1 },
  flags: [],
  run({ engine, io }) {
    if (!engine.registry.logout()) {
      io.stdout('Not logged in to https://index.docker.io/v1/\n');
      return 0;
    }
    io.stdout('Removing login credentials for https://index.docker.io/v1/\n');
    return 0;
  },
};
