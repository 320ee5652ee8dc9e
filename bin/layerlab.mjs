#!/usr/bin/env node
// The headless Layerlab CLI. Runs the TypeScript engine directly through tsx: no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/node/main.ts');
process.exitCode = await main(process.argv.slice(2));
