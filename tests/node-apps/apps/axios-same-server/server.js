const express = require('express');
const axios = require('axios');

const port = Number(process.env.PORT) || 3000;
const app = express();
app.use(express.json());

const forecasts = {
  seoul: { city: 'Seoul', tempC: 3, sky: 'clear' },
  busan: { city: 'Busan', tempC: 9, sky: 'cloudy' },
};

app.get('/api/forecast/:city', (req, res) => {
  const f = forecasts[req.params.city];
  if (!f) return res.status(404).json({ error: `no forecast for ${req.params.city}` });
  res.set('X-Source', 'internal').json(f);
});

app.post('/api/convert', (req, res) => {
  const { tempC } = req.body;
  res.json({ tempC, tempF: Math.round((tempC * 9) / 5 + 32) });
});

const api = axios.create({ baseURL: `http://localhost:${port}/api`, timeout: 2000 });

app.get('/report/:city', async (req, res) => {
  try {
    const forecast = await api.get(`/forecast/${req.params.city}`);
    const converted = await api.post('/convert', { tempC: forecast.data.tempC });
    console.log(`report ${req.params.city}: GET ${forecast.status} ${forecast.headers['x-source']}, POST ${converted.status}`);
    res.type('text').send(`${forecast.data.city}: ${forecast.data.sky}, ${converted.data.tempC}°C / ${converted.data.tempF}°F\n`);
  } catch (err) {
    console.log(`report ${req.params.city} failed: ${err.message}`);
    res.status(502).json({ error: err.message, upstreamStatus: err.response ? err.response.status : null, upstream: err.response ? err.response.data : null });
  }
});

app.listen(port, () => console.log(`weather proxy on ${port}`));
