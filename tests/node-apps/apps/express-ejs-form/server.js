const express = require('express');
const path = require('path');

const app = express();
const entries = [{ name: 'Grace', message: 'Hello from the first entry' }];

app.set('view engine', 'ejs');
app.set('views', path.join(__dirname, 'views'));
app.use(express.urlencoded({ extended: false }));

app.get('/', (req, res) => {
  res.render('index', { title: 'Guestbook', entries, error: null });
});

app.post('/sign', (req, res) => {
  const name = (req.body.name || '').trim();
  const message = (req.body.message || '').trim();
  if (!name || !message) {
    res.status(400).render('index', { title: 'Guestbook', entries, error: 'Name and message are both required.' });
    return;
  }
  entries.push({ name, message });
  console.log(`signed by ${name} (${entries.length} entries)`);
  res.redirect(303, '/');
});

app.use((req, res) => {
  res.status(404).render('not-found', { title: 'Not found', url: req.originalUrl });
});

const port = Number(process.env.PORT) || 3000;
app.listen(port, () => console.log(`guestbook listening on port ${port}`));
