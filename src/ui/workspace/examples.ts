/**
 * The built-in example workspaces. Each is a build context: a Dockerfile plus the app's files.
 * The apps are the runtime's samples (src/engine/runtime/samples, written for Layerlab), so what runs in a
 * container is exactly what the sandbox was built and tested against.
 */
import type { Workspace } from './workspace';
import {
  NODE_WEB_DOCKERFILE,
  NODE_WEB_INDEX_HTML,
  NODE_WEB_PACKAGE_JSON,
  NODE_WEB_SERVER_JS,
  WEB_PING_APP_JS,
  WEB_PING_DOCKERFILE,
  WEB_PING_OPTIMIZED_APP_JS,
  WEB_PING_OPTIMIZED_DOCKERFILE,
} from '../../engine/runtime/samples';

export { WEB_PING_DOCKERFILE, WEB_PING_OPTIMIZED_DOCKERFILE };

export const NODE_DOCKERFILE = `FROM node

WORKDIR /app

COPY . .

RUN npm install

EXPOSE 80

CMD ["node", "server.js"]
`;

const DOCKERIGNORE = `node_modules
npm-debug.log
.git
`;

export type ExampleId = 'web-ping' | 'web-ping-optimized' | 'node-web' | 'multi-stage';

export function exampleWorkspaces(): Workspace[] {
  return [
    { id: 'web-ping', name: 'web-ping', tag: 'web-ping', files: { Dockerfile: WEB_PING_DOCKERFILE, 'app.js': WEB_PING_APP_JS } },
    {
      id: 'web-ping-optimized',
      name: 'web-ping (optimized)',
      tag: 'web-ping:v2',
      files: { Dockerfile: WEB_PING_OPTIMIZED_DOCKERFILE, 'app.js': WEB_PING_OPTIMIZED_APP_JS },
    },
    {
      id: 'node-web',
      name: 'node-web (Express)',
      tag: 'node-web',
      files: {
        Dockerfile: NODE_DOCKERFILE,
        '.dockerignore': DOCKERIGNORE,
        'package.json': NODE_WEB_PACKAGE_JSON,
        'server.js': NODE_WEB_SERVER_JS,
        'public/index.html': NODE_WEB_INDEX_HTML,
      },
    },
    {
      id: 'multi-stage',
      name: 'multi-stage (builder + runtime)',
      tag: 'node-web:multi',
      files: {
        Dockerfile: NODE_WEB_DOCKERFILE,
        '.dockerignore': DOCKERIGNORE,
        'package.json': NODE_WEB_PACKAGE_JSON,
        'server.js': NODE_WEB_SERVER_JS,
        'public/index.html': NODE_WEB_INDEX_HTML,
      },
    },
  ];
}
