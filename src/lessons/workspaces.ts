/** The starting workspaces (build contexts) of the lessons. Written for Layerlab. */
import { WEB_PING_APP_JS, WEB_PING_DOCKERFILE } from '../engine/runtime/samples';

// The web-ping app and its Dockerfile are the runtime's samples: what the lessons build is what the sandbox runs.
export { WEB_PING_DOCKERFILE };
export const WEB_PING_JS = WEB_PING_APP_JS;

export const WEB_PING_FILES = { Dockerfile: WEB_PING_DOCKERFILE, 'app.js': WEB_PING_JS };

/**
 * The cache chapter's web-ping: a package.json and an `npm install` after the source COPY, as in the notes' Node
 * example, so that a change to app.js visibly reruns a later filesystem step under BuildKit too. The COPY names its
 * files (not `.`) so that editing the Dockerfile itself does not change what COPY copies.
 */
export const CACHE_DOCKERFILE = `FROM diamol/node

ENV TARGET="blog.sixeyed.com"
ENV METHOD="HEAD"
ENV INTERVAL="3000"

WORKDIR /web-ping
COPY package.json app.js ./
RUN npm install

CMD ["node", "/web-ping/app.js"]
`;

/** The order the cache chapter asks for: what rarely changes first, the app's source last. */
export const CACHE_REORDERED_DOCKERFILE = `FROM diamol/node

CMD ["node", "/web-ping/app.js"]
ENV TARGET="blog.sixeyed.com" \\
    METHOD="HEAD" \\
    INTERVAL="3000"

WORKDIR /web-ping
COPY package.json ./
RUN npm install
COPY app.js ./
`;

export const CACHE_FILES = {
  Dockerfile: CACHE_DOCKERFILE,
  'app.js': WEB_PING_JS,
  'package.json': `{
  "name": "web-ping",
  "version": "1.0.0",
  "main": "app.js",
  "dependencies": {}
}
`,
};

export const NODE_APP_FILES = {
  Dockerfile: `FROM node

WORKDIR /app

COPY . /app

RUN npm install

EXPOSE 80

CMD ["node", "server.js"]
`,
  'package.json': `{
  "name": "node-web",
  "version": "1.0.0",
  "main": "server.js",
  "dependencies": {}
}
`,
  'package-lock.json': `{
  "name": "node-web",
  "version": "1.0.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": {
      "name": "node-web",
      "version": "1.0.0"
    }
  }
}
`,
  'server.js': `const http = require('http');

const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('Hello from the node-web container!\\n');
});

server.listen(80, () => console.log('listening on port 80'));
`,
};

export const LAB_FILES = {
  'NOTES.txt': `The lab image diamol/ch03-lab has /diamol/ch03.txt in it.
Add your name to that file inside a container, then turn the container into a new image.
`,
};

export const BUILDKIT_FILES = {
  Dockerfile: `FROM diamol/node

WORKDIR /app
ENV GREETING="hello"

COPY app.js .
RUN echo "$GREETING" > greeting.txt

CMD ["node", "app.js"]
`,
  'app.js': `const fs = require('fs');
console.log('greeting file says: ' + fs.readFileSync('/app/greeting.txt', 'utf8').trim());
`,
};

export const MULTI_STAGE_FILES = {
  Dockerfile: `FROM diamol/base AS build-stage
RUN echo 'Building...' > /build.txt

FROM diamol/base AS test-stage
COPY --from=build-stage /build.txt /build.txt
RUN echo 'Testing...' >> /build.txt

FROM diamol/base
COPY --from=test-stage /build.txt /build.txt
CMD cat /build.txt
`,
};

/**
 * Two Dockerfiles for the same app: the default one (CMD only, `COPY . .`) and one picked with -f (ENTRYPOINT + CMD).
 * secret.env is what a .dockerignore should keep out of the image.
 */
export const DOCKERFILE_MORE_FILES = {
  Dockerfile: `FROM diamol/node

WORKDIR /app
COPY . .

CMD ["node", "app.js", "blog.sixeyed.com"]
`,
  'Dockerfile.entrypoint': `FROM diamol/node

WORKDIR /app
COPY app.js .

ENTRYPOINT ["node", "app.js"]
CMD ["blog.sixeyed.com"]
`,
  'app.js': `const target = process.argv[2] || '(none)';
console.log('target: ' + target);
`,
  'secret.env': `API_KEY=only-on-this-computer
`,
};
