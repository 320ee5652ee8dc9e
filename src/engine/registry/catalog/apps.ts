/**
 * Application files baked into the book's images. Written for Layerlab from the behaviour described in
 * the facts file (the book's web-ping pings TARGET with METHOD every INTERVAL ms over https).
 */

/** /web-ping/app.js of diamol/ch03-web-ping (also what the chapter-3 lesson puts in the build context). */
export const WEB_PING_APP_JS = `const https = require("https");

const options = {
  hostname: process.env.TARGET,
  method: process.env.METHOD,
  port: 443,
  path: "/",
};

console.log(
  "** web-ping ** Pinging: " + options.hostname + "; method: " + options.method + "; " + process.env.INTERVAL + "ms intervals"
);

let i = 1;
let start = new Date().getTime();
setInterval(() => {
  start = new Date().getTime();
  console.log("Making request number: " + i + "; at " + start);
  i++;
  const req = https.request(options, (res) => {
    const end = new Date().getTime();
    const duration = end - start;
    console.log("Got response status: " + res.statusCode + " at " + end + "; duration: " + duration + "ms");
  });
  req.on("error", (e) => {
    console.error(e);
  });
  req.end();
}, process.env.INTERVAL);

process.on("SIGINT", () => {
  process.exit();
});
`;

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
