/**
 * The table of small real-world apps (each a folder under apps/ with package.json, sources and a `FROM node`
 * Dockerfile): how each is run and, for servers, the requests sent to it. scripts/record-node-apps.ts records
 * what real Node 20 prints and serves for them into expected.json; node-apps.spec.test.ts builds and runs them
 * through the engine and compares.
 */

export interface AppRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface AppCase {
  /** Folder under apps/, also the image tag. */
  name: string;
  /** One `docker run --rm IMAGE ...args` per entry (args replace CMD). */
  runs?: string[][];
  /** A server: started with `docker run -d -p HOST:PORT -e PORT=PORT IMAGE`, then sent these requests in order. */
  requests?: AppRequest[];
}

/** Response headers compared (the rest, such as Date and ETag, vary or are Express internals). */
export const COMPARED_HEADERS = ['content-type', 'content-length', 'location', 'x-powered-by', 'x-source'];

const form = { 'content-type': 'application/x-www-form-urlencoded' };

export const APP_CASES: AppCase[] = [
  {
    name: 'express-ejs-form',
    requests: [
      { method: 'GET', path: '/' },
      { method: 'POST', path: '/sign', headers: form, body: 'name=Ada+Lovelace&message=%3Cb%3EHi%3C%2Fb%3E+%26+thanks' },
      { method: 'POST', path: '/sign', headers: form, body: 'name=&message=empty+name' },
      { method: 'GET', path: '/' },
      { method: 'GET', path: '/nothing/here?x=<1>' },
    ],
  },
  {
    name: 'cli-commander-chalk',
    runs: [[], ['list', '--all'], ['list', '-p', '3'], ['add', 'Ship', 'the', 'image', '-p', '1'], ['--help'], ['add', '--help'], ['--version'], ['add'], ['list', '-p', '9'], ['remove', '1']],
  },
  { name: 'data-lodash-dayjs-uuid', runs: [[]] },
  { name: 'jwt-sign-verify', runs: [[]] },
  {
    name: 'axios-same-server',
    requests: [
      { method: 'GET', path: '/report/seoul' },
      { method: 'GET', path: '/report/busan' },
      { method: 'GET', path: '/report/paris' },
      { method: 'GET', path: '/api/forecast/seoul' },
    ],
  },
];

/** What one run printed, or what a server printed and served. */
export interface Recorded {
  /** The app's direct dependencies as installed for the recording (the offline registry's versions). */
  versions: Record<string, string>;
  runs?: { args: string[]; stdout: string; stderr: string; exitCode: number }[];
  server?: { port: number; stdout: string; stderr: string; responses: { status: number; headers: Record<string, string>; body: string }[] };
}
