/**
 * Our web-ping sample (written for Layerlab; behaves like the book's chapter 3 app): pings TARGET over HTTPS with
 * METHOD every INTERVAL ms and logs each request and response. Log lines match the book's app:
 *   ** web-ping ** Pinging: blog.sixeyed.com; method: HEAD; 3000ms intervals
 *   Making request number: 1; at 1763888403000
 *   Got response status: 200 at 1763888404012; duration: 1012ms
 */
export const WEB_PING_APP_JS = `// web-ping: sends a request to TARGET every INTERVAL milliseconds and logs the result.
const https = require("https");

const target = process.env.TARGET;
const method = process.env.METHOD;
const interval = process.env.INTERVAL;

console.log(
  "** web-ping ** Pinging: %s; method: %s; %dms intervals",
  target,
  method,
  interval
);

// Ctrl-C (or docker stop with SIGINT) ends the app.
process.on("SIGINT", () => {
  process.exit();
});

let count = 1;
setInterval(() => {
  const started = Date.now();
  console.log("Making request number: %d; at %d", count++, started);
  const request = https.request({ hostname: target, method: method }, (response) => {
    const finished = Date.now();
    console.log(
      "Got response status: %s at %d; duration: %dms",
      response.statusCode,
      finished,
      finished - started
    );
  });
  request.on("error", (err) => {
    console.error(err);
  });
  request.end();
}, interval);
`;

export const WEB_PING_DOCKERFILE = `FROM diamol/node

ENV TARGET="blog.sixeyed.com"
ENV METHOD="HEAD"
ENV INTERVAL="3000"

WORKDIR /web-ping
COPY app.js .

CMD ["node", "/web-ping/app.js"]
`;

/** The "optimized" variant: CMD moved up, one ENV with continuations, no SIGINT handler in the app. */
export const WEB_PING_OPTIMIZED_DOCKERFILE = `FROM diamol/node

CMD ["node", "/web-ping/app.js"]

ENV TARGET="blog.sixeyed.com" \\
    METHOD="HEAD" \\
    INTERVAL="3000"

WORKDIR /web-ping
COPY app.js .
`;

export const WEB_PING_OPTIMIZED_APP_JS = WEB_PING_APP_JS.replace(/\n\/\/ Ctrl-C[\s\S]*?\n\}\);\n/, '\n');
