import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './theme/tokens.css';
import './kit/kit.css';
import './app/app.css';
import './classroom/presenter.css';

// No early fetch of the engine's chunk here: the first screen (files, editor text) does not wait for the
// engine, and that chunk would compete with it for bandwidth. The app starts the engine once the editor has
// been painted (see app/App.tsx, useFirstScreen).

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
