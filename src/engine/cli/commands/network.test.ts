/** `docker network …` texts: the docker 28 client's usage errors and tables, the daemon's errors (see oracle-networks.txt). */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../engine';
import { testEnv } from '../../core/env';
import { bufferIO } from '../../core/io';

function setup() {
  const engine = new Engine({ env: testEnv() });
  const run = async (argv: string[]) => {
    const io = bufferIO();
    const code = await engine.run(argv, io);
    return { code, out: io.out, err: io.err };
  };
  return { engine, run };
}

describe('docker network', () => {
  it('lists the built-in networks and a created one, sorted by name, with short IDs (and -q, --no-trunc)', async () => {
    const { engine, run } = setup();
    const id = (await run(['network', 'create', 'nat'])).out.trim();
    const ls = await run(['network', 'ls']);
    const short = (name: string) => engine.networks.get(name)!.Id.slice(0, 12);
    expect(ls.out).toBe(
      'NETWORK ID     NAME      DRIVER    SCOPE\n' +
        `${short('bridge')}   bridge    bridge    local\n${short('host')}   host      host      local\n${id.slice(0, 12)}   nat       bridge    local\n${short('none')}   none      null      local\n`,
    );
    expect((await run(['network', 'ls', '-q'])).out.split('\n')[2]).toBe(id.slice(0, 12));
    expect((await run(['network', 'ls', '--no-trunc', '-f', 'type=custom', '--format', '{{.ID}} {{.Name}}'])).out).toBe(`${id} nat\n`);
  });

  it("prints the docker 28 client's argument errors", async () => {
    const { run } = setup();
    expect(await run(['network', 'create'])).toEqual({
      code: 1,
      out: '',
      err: "docker: 'docker network create' requires 1 argument\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nRun 'docker network create --help' for more information\n",
    });
    expect((await run(['network', 'rm'])).err).toBe(
      "docker: 'docker network rm' requires at least 1 argument\n\nUsage:  docker network rm NETWORK [NETWORK...]\n\nSee 'docker network rm --help' for more information\n",
    );
    expect((await run(['network', 'connect', 'x'])).err.split('\n')[0]).toBe("docker: 'docker network connect' requires 2 arguments");
    expect((await run(['network', 'prune', 'x'])).err.split('\n')[0]).toBe("docker: 'docker network prune' accepts no arguments");
  });

  it("reports the daemon's errors and removes what it can (rm keeps going)", async () => {
    const { run } = setup();
    await run(['network', 'create', 'a']);
    expect(await run(['network', 'create', 'a'])).toEqual({ code: 1, out: '', err: 'Error response from daemon: network with name a already exists\n' });
    expect(await run(['network', 'rm', 'nosuch', 'a', 'bridge'])).toEqual({
      code: 1,
      out: 'a\n',
      err: 'Error response from daemon: network nosuch not found\nError response from daemon: bridge is a pre-defined network and cannot be removed\nexit status 1\n',
    });
    expect(await run(['network', 'rm', '-f', 'nosuch'])).toEqual({ code: 0, out: '', err: '' });
    expect(await run(['network', 'inspect', 'nosuch'])).toEqual({ code: 1, out: '[]\n', err: 'Error response from daemon: network nosuch not found\n' });
  });

  it('prunes unused user networks after -f, listing them as Docker does', async () => {
    const { run } = setup();
    await run(['network', 'create', 'p1']);
    await run(['network', 'create', 'p2']);
    expect(await run(['network', 'prune', '-f'])).toEqual({ code: 0, out: 'Deleted Networks:\np1\np2\n\n', err: '' });
    expect(await run(['network', 'prune', '-f'])).toEqual({ code: 0, out: '', err: '' });
    await run(['network', 'create', 'p3']);
    expect((await run(['system', 'prune', '-f'])).out).toMatch(/^Deleted Networks:\np3\n\nTotal reclaimed space: /);
  });

  it('inspects a network in the API 1.50 shape', async () => {
    const { run } = setup();
    await run(['network', 'create', '--label', 'app=web', 'nat']);
    const [n] = JSON.parse((await run(['network', 'inspect', 'nat'])).out);
    expect(Object.keys(n)).toEqual(['Name', 'Id', 'Created', 'Scope', 'Driver', 'EnableIPv4', 'EnableIPv6', 'IPAM', 'Internal', 'Attachable', 'Ingress', 'ConfigFrom', 'ConfigOnly', 'Containers', 'Options', 'Labels']);
    expect(n).toMatchObject({ Name: 'nat', Driver: 'bridge', IPAM: { Driver: 'default', Options: {}, Config: [{ Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' }] }, Containers: {}, Labels: { app: 'web' } });
    expect((await run(['network', 'inspect', '-f', '{{.Name}} {{.Driver}}', 'bridge', 'none'])).out).toBe('bridge bridge\nnone null\n');
    // `-f json` is the CLI's JSON output (cli/command/inspect/inspector.go), not a template printing "json".
    expect((await run(['network', 'inspect', '-f', 'json', 'bridge'])).out).toBe((await run(['network', 'inspect', 'bridge'])).out);
    expect((await run(['container', 'inspect', '-f', 'json', 'nosuch'])).out).toBe('[]\n');
  });
});
