import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/app.css';

// The engine is the largest chunk the first real screen waits for (the store's init() imports it after reading
// the saved state from IndexedDB): start fetching it now, alongside that.
void import('./engine/browserEngine');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
