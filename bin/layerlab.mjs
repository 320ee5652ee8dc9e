#!/usr/bin/env node
// The headless Layerlab CLI. Runs the TypeScript engine directly through tsx: no build step.
// `layerlab <docker args>` == `layerlab docker <docker args>` == `docker <args>` against the simulated engine.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/node/main.ts');
const code = await main(process.argv.slice(2));
// Exit as soon as output is flushed: a sandbox worker or timer left behind must not keep the CLI alive.
let pending = 2;
const done = () => {
  if (--pending === 0) process.exit(code);
};
process.stdout.write('', done);
process.stderr.write('', done);
