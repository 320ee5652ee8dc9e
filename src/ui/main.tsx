import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/app.css';

// The engine is the largest chunk the first real screen waits for (the store's init() imports it after reading
// the saved state from IndexedDB): start fetching it now, alongside that.
// Same for the container runtime that browserEngine.ts picks up (when it exists): it would only be asked for
// once the engine's chunk has arrived and run, one more round trip before the first real screen.
void import('./engine/browserEngine');
for (const load of Object.values(import.meta.glob('./runtime/index.ts'))) void load();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
