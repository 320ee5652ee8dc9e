/**
 * The built-in example workspaces. Each is a build context: a Dockerfile plus the app's files.
 * The web-ping app follows the book's chapter 3 program (written for Layerlab, not copied).
 */
import type { Workspace } from './workspace';

export const WEB_PING_APP = `const https = require('https');

const options = {
  hostname: process.env.TARGET,
  method: process.env.METHOD,
  port: 443,
  path: '/',
};

let count = 1;
console.log(
  \`** web-ping ** Pinging: \${options.hostname}; method: \${options.method}; \${process.env.INTERVAL}ms intervals\`,
);

process.on('SIGINT', () => process.exit());

setInterval(() => {
  const start = Date.now();
  console.log(\`Making request number: \${count++}; at \${start}\`);
  const req = https.request(options, (res) => {
    const end = Date.now();
    console.log(\`Got response status: \${res.statusCode} at \${end}; duration: \${end - start}ms\`);
  });
  req.on('error', (err) => console.error(err));
  req.end();
}, Number(process.env.INTERVAL));
`;

export const WEB_PING_DOCKERFILE = `FROM diamol/node

ENV TARGET="blog.sixeyed.com"
ENV METHOD="HEAD"
ENV INTERVAL="3000"

WORKDIR /web-ping
COPY app.js .

CMD ["node", "/web-ping/app.js"]
`;

export const WEB_PING_OPTIMIZED_DOCKERFILE = `FROM diamol/node

CMD ["node", "/web-ping/app.js"]

ENV TARGET="blog.sixeyed.com" \\
    METHOD="HEAD" \\
    INTERVAL="3000"

WORKDIR /web-ping
COPY app.js .
`;

export const NODE_PACKAGE_JSON = `{
  "name": "node-web",
  "version": "1.0.0",
  "description": "A small Express web server",
  "main": "server.js",
  "scripts": {
    "start": "node server.js"
  },
  "dependencies": {
    "express": "^4.18.2"
  }
}
`;

export const NODE_SERVER_JS = `const express = require('express');

const app = express();

app.get('/', (req, res) => {
  res.send('<h1>Hello from a container!</h1><p>Served by Express on port 80.</p>');
});

app.listen(80, () => {
  console.log('Server listening on port 80');
});
`;

export const NODE_DOCKERFILE = `FROM node

WORKDIR /app

COPY . .

RUN npm install

EXPOSE 80

CMD ["node", "server.js"]
`;

export const MULTISTAGE_DOCKERFILE = `FROM diamol/base AS build-stage
RUN echo 'Building...' > /build.txt

FROM diamol/base AS test-stage
COPY --from=build-stage /build.txt /build.txt
RUN echo 'Testing...' >> /build.txt

FROM diamol/base
COPY --from=test-stage /build.txt /build.txt
CMD cat /build.txt
`;

const DOCKERIGNORE = `node_modules
npm-debug.log
.git
`;

export type ExampleId = 'web-ping' | 'web-ping-optimized' | 'node-web' | 'multi-stage';

export function exampleWorkspaces(): Workspace[] {
  return [
    { id: 'web-ping', name: 'web-ping', tag: 'web-ping', files: { Dockerfile: WEB_PING_DOCKERFILE, 'app.js': WEB_PING_APP } },
    {
      id: 'web-ping-optimized',
      name: 'web-ping (optimized)',
      tag: 'web-ping:v2',
      files: { Dockerfile: WEB_PING_OPTIMIZED_DOCKERFILE, 'app.js': WEB_PING_APP },
    },
    {
      id: 'node-web',
      name: 'node-web (Express)',
      tag: 'node-web',
      files: { Dockerfile: NODE_DOCKERFILE, '.dockerignore': DOCKERIGNORE, 'package.json': NODE_PACKAGE_JSON, 'server.js': NODE_SERVER_JS },
    },
    { id: 'multi-stage', name: 'multi-stage', tag: 'multi-stage', files: { Dockerfile: MULTISTAGE_DOCKERFILE } },
  ];
}
