/**
 * Records what real Node prints for the ES module linking cases and the fetch cases (src/engine/runtime/nodejs/
 * testdata/esm-cases.ts, fetch-cases.ts) into esm.json and fetch.json beside them (scripts/node-cases.ts).
 * Run: npx tsx scripts/record-node-esm.ts
 */
import { ESM_CASES } from '../src/engine/runtime/nodejs/testdata/esm-cases';
import { FETCH_CASES } from '../src/engine/runtime/nodejs/testdata/fetch-cases';
import { recordNodeCases } from './node-cases';

recordNodeCases('esm.json', ESM_CASES);
recordNodeCases('fetch.json', FETCH_CASES);
