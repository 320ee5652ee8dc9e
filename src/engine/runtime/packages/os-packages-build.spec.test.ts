/**
 * OS package managers in builds on the catalog's official images: the trap of `apt-get install` without
 * `apt-get update` in the same image, the cached update layer, what an install adds to the layer, and the
 * unknown-package errors of apt, apk and pip with the status the build reports.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../engine';
import { testEnv } from '../../core/env';
import { memoryContext } from '../../core/host';
import { bufferIO } from '../../core/io';
import { InProcessHost } from '../in-process-host';

function engine(files: Record<string, string>) {
  const e = new Engine({ env: testEnv(), context: memoryContext(files) });
  e.sandbox = new InProcessHost();
  if (e.registry) e.registry.sleep = null;
  const docker = async (argv: string[], env: Record<string, string> = {}) => {
    const io = bufferIO({ env });
    const code = await e.run(argv, io);
    return { code, out: io.out, err: io.err, text: io.out + io.err };
  };
  return { e, docker, setFiles: (f: Record<string, string>) => (e.context = memoryContext(f)) };
}

const LEGACY = { DOCKER_BUILDKIT: '0' };

describe('OS packages in a build', () => {
  it('apt-get install without apt-get update fails on the official debian image, as for real', async () => {
    const t = engine({ Dockerfile: 'FROM debian:bookworm\nRUN apt-get install -y curl\n' });
    const r = await t.docker(['build', '-t', 'x', '.'], LEGACY);
    expect(r.code).toBe(1);
    expect(r.text).toContain('Reading package lists...\nBuilding dependency tree...\nReading state information...\nE: Unable to locate package curl\n');
    expect(r.text).toContain("The command '/bin/sh -c apt-get install -y curl' returned a non-zero code: 100");
  });

  it('an update in an earlier layer is cached, and the next install line uses its lists; cleaning them brings the trap back', async () => {
    const t = engine({ Dockerfile: 'FROM debian:bookworm\nRUN apt-get update\nRUN apt-get install -y jq\n' });
    expect((await t.docker(['build', '-t', 'x', '.'], LEGACY)).code).toBe(0);
    t.setFiles({ Dockerfile: 'FROM debian:bookworm\nRUN apt-get update\nRUN apt-get install -y jq curl\n' });
    const again = await t.docker(['build', '-t', 'x', '.'], LEGACY);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/Step 2\/3 : RUN apt-get update\n ---> Using cache\n/);
    expect(again.out).toContain('Setting up curl (7.88.1-10+deb12u15) ...\n');
    t.setFiles({ Dockerfile: 'FROM debian:bookworm\nRUN apt-get update && rm -rf /var/lib/apt/lists/*\nRUN apt-get install -y curl\n' });
    const cleaned = await t.docker(['build', '-t', 'y', '.'], LEGACY);
    expect(cleaned.code).toBe(1);
    expect(cleaned.text).toContain('E: Unable to locate package curl\n');
  });

  it('the layer grows by the packages installed sizes, and their programs are where a learner looks', async () => {
    const t = engine({ Dockerfile: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n' });
    expect((await t.docker(['build', '-t', 'c', '.'])).code).toBe(0);
    const history = await t.docker(['history', '--format', '{{.Size}}\t{{.CreatedBy}}', 'c']);
    // curl and its libraries without recommends (12 MB of files); the lists removed in the same layer add nothing.
    expect(history.out.split('\n')[0]).toMatch(/^\d+(\.\d+)?MB\tRUN \/bin\/sh -c apt-get update/);
    const size = parseFloat(history.out.split('\n')[0]);
    expect(size).toBe(12);
    const ls = await t.docker(['run', '--rm', 'c', 'ls', '/usr/bin/curl', '/usr/share/doc/curl/copyright']);
    expect(ls.out).toBe('/usr/bin/curl\n/usr/share/doc/curl/copyright\n');
  });

  it('unknown packages: apt 100, apk 1, pip 1, each in its own words', async () => {
    const t = engine({ Dockerfile: 'FROM alpine:3.20\nRUN apk add --no-cache nosuchpkg\n' });
    const apk = await t.docker(['build', '-t', 'a', '.'], LEGACY);
    expect(apk.text).toContain('ERROR: unable to select packages:\n  nosuchpkg (no such package):\n    required by: world[nosuchpkg]\n');
    expect(apk.text).toContain('returned a non-zero code: 1');
    t.setFiles({ Dockerfile: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir nosuchpkg\n' });
    const pip = await t.docker(['build', '-t', 'p', '.'], LEGACY);
    expect(pip.text).toContain('ERROR: Could not find a version that satisfies the requirement nosuchpkg (from versions: none)\nERROR: No matching distribution found for nosuchpkg\n');
    expect(pip.text).toContain('returned a non-zero code: 1');
    t.setFiles({ Dockerfile: 'FROM ubuntu:24.04\nRUN apt-get update -qq && apt-get install -y nosuchpkg\n' });
    const apt = await t.docker(['build', '-t', 'u', '.'], LEGACY);
    expect(apt.text).toContain('E: Unable to locate package nosuchpkg\n');
    expect(apt.text).toContain('returned a non-zero code: 100');
  });
});
