#!/usr/bin/env node
// `node bin/layerlab.mjs …`: the CLI of layerlab.cjs (the package's bin), kept for that command line.
import './layerlab.cjs';
