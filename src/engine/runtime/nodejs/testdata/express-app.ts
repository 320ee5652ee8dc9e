/**
 * An Express 4 + body-parser app and the requests sent to it: scripts/record-node-express.ts runs it with real
 * Node 20 (the host's node_modules beside it) and keeps what it printed and served in express-app.json;
 * tests/node-runtime/express.test.ts runs it in a container with the same packages copied in and compares.
 */
import type { HttpRequest } from '../../process';

export const EXPRESS_SERVER_JS = `const express = require('express');
const bodyParser = require('body-parser');
const crypto = require('crypto');

const app = express();
const goals = [];

app.use(bodyParser.urlencoded({ extended: false }));
app.use(bodyParser.json());

app.get('/', (req, res) => {
  const items = goals.map((g) => '<li>' + g + '</li>').join('');
  res.send('<html><body><h1>Course goals</h1><ul>' + items + '</ul>' +
    '<form action="/store-goal" method="POST"><input type="text" name="goal"><button>Set goal</button></form></body></html>');
});

app.post('/store-goal', (req, res) => {
  const goal = req.body.goal;
  console.log('stored goal:', goal);
  goals.push(goal);
  res.redirect('/');
});

app.post('/api/echo', (req, res) => {
  res.status(201).json({ got: req.body, type: req.get('content-type'), sha1: crypto.createHash('sha1').update(JSON.stringify(req.body)).digest('hex') });
});

app.get('/api/goals', (req, res) => res.json({ goals, count: goals.length, query: req.query }));

app.get('/boom', () => {
  throw new Error('route failed');
});

const port = process.env.PORT || 80;
app.listen(port, () => console.log('Listening on port', Number(port)));
`;

export const EXPRESS_REQUESTS: HttpRequest[] = [
  { method: 'GET', path: '/' },
  { method: 'POST', path: '/store-goal', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'goal=Learn+Docker%21' },
  { method: 'GET', path: '/' },
  { method: 'POST', path: '/api/echo', headers: { 'content-type': 'application/json' }, body: '{"a":[1,2],"b":"x"}' },
  { method: 'GET', path: '/api/goals?x=1&y=two' },
  { method: 'GET', path: '/nope' },
  { method: 'HEAD', path: '/' },
  { method: 'POST', path: '/api/echo', headers: { 'content-type': 'application/json' }, body: '{bad json' },
  { method: 'GET', path: '/boom' },
];

/** Response headers compared (the rest, like date and keep-alive, depend on the clock or the connection). */
export const EXPRESS_COMPARED_HEADERS = ['content-type', 'content-length', 'location', 'x-powered-by', 'etag', 'vary', 'content-security-policy', 'x-content-type-options'];
