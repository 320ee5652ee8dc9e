/**
 * A small Node web app for the multi-stage and caching lessons: Express on port 80, a JSON API and a static
 * page. Written for Layerlab. Its log lines:
 *   start:       Server listening on port 80
 *   per request: <METHOD> <path> <status> (e.g. "GET / 200")
 */
export const NODE_WEB_PACKAGE_JSON = `{
  "name": "layerlab-web",
  "version": "1.0.0",
  "description": "A tiny web app for Layerlab lessons",
  "main": "server.js",
  "scripts": {
    "start": "node server.js"
  },
  "dependencies": {
    "express": "^4.17.1"
  }
}
`;

export const NODE_WEB_SERVER_JS = `const express = require("express");
const os = require("os");

const app = express();
const port = process.env.PORT || 80;
let visits = 0;

// Log every request once the response is sent.
app.use((req, res, next) => {
  res.on("finish", () => console.log("%s %s %d", req.method, req.path, res.statusCode));
  next();
});

app.use(express.static("public"));

app.get("/api/info", (req, res) => {
  visits++;
  res.json({ host: os.hostname(), node: process.version, visits: visits });
});

app.listen(port, () => {
  console.log("Server listening on port %d", port);
});
`;

export const NODE_WEB_INDEX_HTML = `<!doctype html>
<html>
  <head><title>Layerlab web</title></head>
  <body>
    <h1>Hello from a container!</h1>
    <p>Try <a href="/api/info">/api/info</a>.</p>
  </body>
</html>
`;

export const NODE_WEB_DOCKERFILE = `FROM diamol/node AS builder
WORKDIR /src
COPY package.json .
RUN npm install

FROM diamol/node
EXPOSE 80
CMD ["node", "server.js"]
WORKDIR /app
COPY --from=builder /src/node_modules/ /app/node_modules/
COPY server.js .
COPY public/ ./public/
`;

/** The build context as a file map (for lessons and memoryContext). */
export const NODE_WEB_CONTEXT: Record<string, string> = {
  Dockerfile: NODE_WEB_DOCKERFILE,
  'package.json': NODE_WEB_PACKAGE_JSON,
  'server.js': NODE_WEB_SERVER_JS,
  'public/index.html': NODE_WEB_INDEX_HTML,
};
