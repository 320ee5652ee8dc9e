/** Application files baked into the book's images (written for Layerlab). */

/**
 * /web-ping/app.js of diamol/ch03-web-ping: the runtime's web-ping sample, the same file the chapter-3 lesson
 * builds from, so the pulled image and a learner's `docker build -t web-ping .` print the same log lines.
 */
export { WEB_PING_APP_JS } from '../../runtime/samples/web-ping';

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
