/** Application files baked into the book's images (written for Layerlab). */

/**
 * /web-ping/app.js of diamol/ch03-web-ping: the runtime's web-ping sample, the same file the chapter-3 lesson
 * builds from, so the pulled image and a learner's `docker build -t web-ping .` print the same log lines.
 */
export { WEB_PING_APP_JS } from '../../runtime/samples/web-ping';

/**
 * diamol/ch02-hello-diamol's script (the book's first container): who am I, what kernel, which address.
 * `echo $(...)` collapses ifconfig's spacing into one line, as the book's output shows.
 */
export const CH02_CMD_SH = [
  'echo "---------------------"',
  'echo "Hello from Chapter 2!"',
  'echo "---------------------"',
  'echo "My name is:"',
  'echo $(hostname)',
  'echo "---------------------"',
  'echo "Im running on:"',
  'echo $(uname -s -r -m)',
  'echo "---------------------"',
  'echo "My address is:"',
  'echo $(ifconfig eth0 | grep inet)',
  'echo "---------------------"',
  '',
].join('\n');

/** ch03.txt of diamol/ch03-lab: a trailing space and no newline, so `echo Name >> ch03.txt` completes the line. */
export const CH03_TXT = 'Lab solution, by: ';

/** The official httpd image's default page. */
export const HTTPD_INDEX = '<html><body><h1>It works!</h1></body></html>\n';

/** nginx's default page (our own short version of the "Welcome to nginx!" page). */
export const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const SERVER_COMMON = `const http = require("http");
const fs = require("fs");
const path = require("path");
const pad = (n) => String(n).padStart(2, "0");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const clf = (d) =>
  pad(d.getUTCDate()) + "/" + MONTHS[d.getUTCMonth()] + "/" + d.getUTCFullYear() + ":" +
  pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes()) + ":" + pad(d.getUTCSeconds()) + " +0000";
const TYPES = { ".html": "text/html", ".htm": "text/html", ".css": "text/css", ".js": "application/javascript",
  ".json": "application/json", ".png": "image/png", ".svg": "image/svg+xml", ".txt": "text/plain" };
function serve(root, server, notFound, log) {
  http.createServer((req, res) => {
    let p = decodeURIComponent(req.url.split("?")[0]);
    if (p.endsWith("/")) p += "index.html";
    const file = path.join(root, path.normalize(p));
    let status = 200;
    let body;
    try {
      body = fs.readFileSync(file);
    } catch (e) {
      status = 404;
      body = notFound;
    }
    const type = status === 200 ? TYPES[path.extname(file)] || "application/octet-stream" : "text/html";
    res.writeHead(status, { Server: server, "Content-Type": type });
    res.end(req.method === "HEAD" ? "" : body);
    log(req, status, body.length);
  }).listen(80);
}
`;

/**
 * /usr/sbin/nginx: a small static file server (our own, in Node for the sandbox) that logs like nginx:
 * start-up notices on stderr, one access-log line per request on stdout.
 */
export const NGINX_JS = `#!/usr/bin/env node
${SERVER_COMMON}
const stamp = (d) => d.getUTCFullYear() + "/" + pad(d.getUTCMonth() + 1) + "/" + pad(d.getUTCDate()) + " " +
  pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes()) + ":" + pad(d.getUTCSeconds());
const notice = (m) => console.error(stamp(new Date()) + " [notice] 1#1: " + m);
if (process.argv.includes("-v") || process.argv.includes("-V")) {
  console.error("nginx version: nginx/1.27.2");
  process.exit(0);
}
if (process.argv[2] === "-g" || process.argv.length <= 2) {
  for (const l of [
    "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
    "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
    "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
    "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
    "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
    "/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh",
    "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
    "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh",
    "/docker-entrypoint.sh: Configuration complete; ready for start up",
  ]) console.log(l);
}
notice('using the "epoll" event method');
notice("nginx/1.27.2");
notice("built by gcc 12.2.0 (Debian 12.2.0-14)");
notice("OS: Linux 6.10.14-linuxkit");
notice("getrlimit(RLIMIT_NOFILE): 1048576:1048576");
notice("start worker processes");
notice("start worker process 29");
const notFound = "<html>\\r\\n<head><title>404 Not Found</title></head>\\r\\n<body>\\r\\n<center><h1>404 Not Found</h1></center>\\r\\n<hr><center>nginx/1.27.2</center>\\r\\n</body>\\r\\n</html>\\r\\n";
serve("/usr/share/nginx/html", "nginx/1.27.2", notFound, (req, status, size) => {
  console.log('172.17.0.1 - - [' + clf(new Date()) + '] "' + req.method + " " + req.url + ' HTTP/1.1" ' + status + " " + size +
    ' "-" "' + (req.headers["user-agent"] || "-") + '" "-"');
});
const quit = (sig) => () => {
  notice("signal " + sig + " received, exiting");
  process.exit(0);
};
process.on("SIGQUIT", quit(3));
process.on("SIGTERM", quit(15));
`;

/**
 * /usr/local/apache2/bin/httpd of the given release: the same idea with Apache's start-up lines and common log
 * format; the version is built in, as it is in the real binary.
 */
export const httpdProgram = (version: string): string => `#!/usr/bin/env node
${SERVER_COMMON}
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const stamp = (d) => "[" + DAYS[d.getUTCDay()] + " " + MONTHS[d.getUTCMonth()] + " " + pad(d.getUTCDate()) + " " +
  pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes()) + ":" + pad(d.getUTCSeconds()) + "." +
  String(d.getUTCMilliseconds()).padStart(3, "0") + "000 " + d.getUTCFullYear() + "]";
const fqdn = "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 172.17.0.2. Set the 'ServerName' directive globally to suppress this message";
console.error(fqdn);
console.error(fqdn);
console.error(stamp(new Date()) + " [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/${version} (Unix) configured -- resuming normal operations");
console.error(stamp(new Date()) + " [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'");
const notFound = "<!DOCTYPE HTML PUBLIC \\"-//IETF//DTD HTML 2.0//EN\\">\\n<html><head>\\n<title>404 Not Found</title>\\n</head><body>\\n<h1>Not Found</h1>\\n<p>The requested URL was not found on this server.</p>\\n</body></html>\\n";
serve("/usr/local/apache2/htdocs", "Apache/${version} (Unix)", notFound, (req, status, size) => {
  console.log("172.17.0.1 - - [" + clf(new Date()) + '] "' + req.method + " " + req.url + ' HTTP/1.1" ' + status + " " + size);
});
process.on("SIGWINCH", () => process.exit(0));
process.on("SIGTERM", () => process.exit(0));
`;
/** httpd 2.4.62, the current Debian-based image's server. */
export const HTTPD_JS = httpdProgram('2.4.62');

/** The official httpd images' httpd-foreground (138 bytes): clears a stale PID file, runs httpd in the foreground. */
export const HTTPD_FOREGROUND = '#!/bin/sh\nset -e\n\n# Apache gets grumpy about PID files pre-existing\nrm -f /usr/local/apache2/logs/httpd.pid\n\nexec httpd -DFOREGROUND "$@"\n';

/**
 * /usr/bin/curl in images that have it (diamol/base and its children, the buildpack-deps based ones): a small
 * curl written for Layerlab in Node, over the sandbox's simulated network. Flags: -s -S -f -L -i -I -X -d -H -o.
 */
export const CURL_JS = `#!/usr/bin/env node
const args = process.argv.slice(2);
let url = null, method = null, include = false, head = false, silent = false, fail = false, data = null, output = null;
const headers = {};
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "-X" || a === "--request") method = args[++i];
  else if (a === "-d" || a === "--data" || a === "--data-raw") { data = args[++i]; method = method || "POST"; }
  else if (a === "-H" || a === "--header") { const h = args[++i] || ""; const k = h.indexOf(":"); if (k > 0) headers[h.slice(0, k).trim()] = h.slice(k + 1).trim(); }
  else if (a === "-o" || a === "--output") output = args[++i];
  else if (a === "--silent") silent = true;
  else if (a === "--include") include = true;
  else if (a === "--head") head = true;
  else if (a === "--fail") fail = true;
  else if (/^-[a-zA-Z]+$/.test(a)) {
    for (const f of a.slice(1)) {
      if (f === "s") silent = true;
      else if (f === "i") include = true;
      else if (f === "I") head = true;
      else if (f === "f") fail = true;
    }
  } else if (!a.startsWith("-")) url = a;
}
if (!url) {
  console.error("curl: try 'curl --help' or 'curl --manual' for more information");
  process.exit(2);
}
if (!/^[a-z]+:\\/\\//i.test(url)) url = "http://" + url;
if (head) method = "HEAD";
const https = url.toLowerCase().startsWith("https:");
const m = /^[a-z]+:\\/\\/([^/:?#]+)(?::(\\d+))?([^#]*)$/i.exec(url);
if (!m) {
  console.error("curl: (3) URL rejected: Malformed input to a URL function");
  process.exit(3);
}
const options = { hostname: m[1], port: m[2] ? Number(m[2]) : https ? 443 : 80, path: m[3] || "/", method: method || "GET", headers };
const req = require(https ? "https" : "http").request(options, (res) => {
  let body = "";
  res.on("data", (c) => (body += c));
  res.on("end", () => {
    if (fail && res.statusCode >= 400) {
      if (!silent) console.error("curl: (22) The requested URL returned error: " + res.statusCode);
      process.exit(22);
    }
    let out = "";
    if (include || head) {
      out += "HTTP/1.1 " + res.statusCode + " " + (res.statusMessage || "") + "\\r\\n";
      for (const k of Object.keys(res.headers)) out += k + ": " + res.headers[k] + "\\r\\n";
      out += "\\r\\n";
    }
    if (!head) out += body;
    if (output) require("fs").writeFileSync(output, out);
    else process.stdout.write(out);
  });
});
req.on("error", (e) => {
  if (!silent) {
    if (e && e.code === "ECONNREFUSED") console.error("curl: (7) Failed to connect to " + options.hostname + " port " + options.port + " after 0 ms: Couldn't connect to server");
    else console.error("curl: (6) Could not resolve host: " + options.hostname);
  }
  process.exit(e && e.code === "ECONNREFUSED" ? 7 : 6);
});
if (data) req.write(data);
req.end();
`;

/** Programs of the real images that the sandbox cannot run: a clear message instead of a misleading error. */
export function notSimulatedScript(name: string): string {
  return `#!/bin/sh\necho "${name}: this program is not simulated in Layerlab yet (containers run Node.js, the shell and busybox tools)" >&2\nexit 126\n`;
}
