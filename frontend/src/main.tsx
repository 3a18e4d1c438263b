import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/govuk.scss';
import './app.css';
import { App } from './App';
import { removeLegacyDrafts } from './offline/db';

// Drafts an earlier version left in plain text: gone before anything renders.
removeLegacyDrafts();

const root = document.getElementById('root');
if (!root) throw new Error('No #root element in index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The app shell for offline reloads (public/sw.js). Production builds only: in development it
// would serve stale modules.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
