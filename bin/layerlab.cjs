#!/bin/sh
':' //; [ -z "${NODE_EXTRA_CA_CERTS+set}" ] || export LAYERLAB_NODE_EXTRA_CA_CERTS="$NODE_EXTRA_CA_CERTS" NODE_EXTRA_CA_CERTS=; exec node "$0" "$@"
// The headless Layerlab CLI. `layerlab <docker args>` == `layerlab docker <docker args>` == `docker <args>`
// against the simulated engine. It runs a prebuilt bundle of the TypeScript sources (cli-bundle.cjs: built on
// first use and after any source change); LAYERLAB_TSX=1 runs the sources through tsx instead.
//
// Run as a program, this file is first a shell script (the line above) that starts Node on itself with
// NODE_EXTRA_CA_CERTS emptied: Node 20 reads that certificate file at every start, before any script runs, and the
// CLI opens no network connection. The value is put back below, so commands see the environment they were given.
'use strict';
if (process.env.LAYERLAB_NODE_EXTRA_CA_CERTS !== undefined) {
  process.env.NODE_EXTRA_CA_CERTS = process.env.LAYERLAB_NODE_EXTRA_CA_CERTS;
  delete process.env.LAYERLAB_NODE_EXTRA_CA_CERTS;
}

async function run(argv) {
  if (process.env.LAYERLAB_TSX === '1') {
    const { register } = await import('tsx/esm/api');
    register();
    const { main } = await import('../src/node/main.ts');
    return main(argv);
  }
  const { loadBundledMain } = require('./cli-bundle.cjs');
  const { main, saveCodeCache } = await loadBundledMain();
  const code = await main(argv);
  saveCodeCache();
  return code;
}

run(process.argv.slice(2)).then((code) => {
  // Exit as soon as output is flushed: a sandbox worker or timer left behind must not keep the CLI alive.
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
});
