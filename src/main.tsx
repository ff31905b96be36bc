import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { restoreSavedPlan } from './app/lib/persistence';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// Read the saved plan before the first render, so the canvas opens on it.
await restoreSavedPlan();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
