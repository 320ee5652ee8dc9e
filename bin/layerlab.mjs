#!/usr/bin/env node
// The headless Layerlab CLI. `layerlab <docker args>` == `layerlab docker <docker args>` == `docker <args>`
// against the simulated engine. It runs a prebuilt bundle of the TypeScript sources (cli-bundle.mjs: built on
// first use and after any source change); LAYERLAB_TSX=1 runs the sources through tsx instead.
const argv = process.argv.slice(2);
let code;
if (process.env.LAYERLAB_TSX === '1') {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/node/main.ts');
  code = await main(argv);
} else {
  const { loadBundledMain } = await import('./cli-bundle.mjs');
  const { main, saveCodeCache } = await loadBundledMain();
  code = await main(argv);
  saveCodeCache();
}
// Exit as soon as output is flushed: a sandbox worker or timer left behind must not keep the CLI alive.
let pending = 2;
const done = () => {
  if (--pending === 0) process.exit(code);
};
process.stdout.write('', done);
process.stderr.write('', done);
