const jwt = require('jsonwebtoken');

const secret = process.env.JWT_SECRET || 'dev-secret';
const iat = 1700000000; // 2023-11-14T22:13:20Z
const clock = { clockTimestamp: iat + 60 };

const token = jwt.sign({ sub: 'user-42', role: 'admin', iat }, secret, { expiresIn: '1h', issuer: 'layerlab', audience: 'students' });
console.log('token:', token);
console.log('decoded header:', JSON.stringify(jwt.decode(token, { complete: true }).header));
console.log('verified:', JSON.stringify(jwt.verify(token, secret, { ...clock, issuer: 'layerlab', audience: 'students' })));

const plain = jwt.sign({ hello: 'world' }, secret, { noTimestamp: true, algorithm: 'HS512' });
console.log('no timestamp (HS512):', plain);

function attempt(label, fn) {
  try {
    console.log(label, JSON.stringify(fn()));
  } catch (err) {
    console.log(label, `${err.name}: ${err.message}`);
  }
}
attempt('wrong secret:', () => jwt.verify(token, 'not-the-secret', clock));
attempt('expired:', () => jwt.verify(token, secret, { clockTimestamp: iat + 7200 }));
attempt('wrong audience:', () => jwt.verify(token, secret, { ...clock, audience: 'teachers' }));
attempt('tampered:', () => jwt.verify(token.slice(0, -2) + 'xx', secret, clock));
attempt('not a token:', () => jwt.verify('abc.def', secret, clock));
attempt('none algorithm refused:', () => jwt.verify(jwt.sign({ a: 1 }, null, { algorithm: 'none', noTimestamp: true }), secret, clock));

jwt.verify(token, secret, clock, (err, payload) => {
  console.log('callback:', err ? err.message : `${payload.sub} expires ${new Date(payload.exp * 1000).toISOString()}`);
});
