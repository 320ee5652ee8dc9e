/**
 * Records what real Node prints for the module resolution cases (src/engine/runtime/nodejs/testdata/
 * resolution-cases.ts) into resolution.json beside them (scripts/node-cases.ts).
 * Run: npx tsx scripts/record-node-resolution.ts
 */
import { RESOLUTION_CASES } from '../src/engine/runtime/nodejs/testdata/resolution-cases';
import { recordNodeCases } from './node-cases';

recordNodeCases('resolution.json', RESOLUTION_CASES);
