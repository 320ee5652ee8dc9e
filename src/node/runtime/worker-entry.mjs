// Entry of a sandbox worker thread: loads tsx so the TypeScript runtime can be imported, then starts it.
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');
