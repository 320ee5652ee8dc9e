/** Sample apps written for Layerlab (not copied from the book): sources and Dockerfiles as strings. */
export * from './web-ping';
export * from './node-web';

import { WEB_PING_APP_JS, WEB_PING_DOCKERFILE } from './web-ping';

export const WEB_PING_CONTEXT: Record<string, string> = {
  Dockerfile: WEB_PING_DOCKERFILE,
  'app.js': WEB_PING_APP_JS,
};

/** ch03 lab: the file has a trailing space and no newline, so `echo Name >> ch03.txt` completes the line. */
export const CH03_LAB_TXT = 'Lab solution, by: ';
export const CH03_LAB_DOCKERFILE = `FROM diamol/base
WORKDIR /diamol
COPY ch03.txt .
`;
