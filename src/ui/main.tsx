import { StrictMode } from 'react';
import './theme/tokens.css';
import './kit/kit.css';
import './app/app.css';
import './classroom/presenter.css';

// No early fetch of the engine's chunk here: the first screen (files, editor text) does not wait for the
// engine, and that chunk would compete with it for bandwidth. The app starts the engine once the editor has
// been painted (see app/App.tsx, useFirstScreen).
//
// React's DOM renderer and the app's modules (the shell, the store, the texts) are imported, not part of this
// small entry: each is evaluated in a task of its own instead of all in one long task (the static start screen
// stays up meanwhile).
void Promise.all([import('react-dom/client'), import('./app/App')]).then(([{ createRoot }, { App }]) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
