/**
 * Every spec's engine gets the offline npm registry from disk, as the Node CLI does (the zip `npm run
 * pack:npm-registry` writes; `pretest:unit` and `prepare` make it), so `RUN npm install` installs real packages.
 */
import { diskNpmRegistry } from '../../src/node/npm-registry';
import { setNpmRegistryLoader } from '../../src/engine/runtime/packages/npm-registry/source';

setNpmRegistryLoader(diskNpmRegistry());
