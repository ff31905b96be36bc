import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { restoreSavedPlan, startAutosave } from './app/persistence';
import { openSharedLink } from './app/io';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Read the saved plan, then any share link, before the first render, so the canvas opens on it. (Not a top-level await:
// the validator's chunk imports this one, which must finish evaluating first.)
// Autosave starts first, so a plan opened from a link is saved like any other change (the link
// leaves the address bar, and a reload must find the plan).
startAutosave();
void restoreSavedPlan()
  .then(openSharedLink)
  .catch((e: unknown) => console.error('The saved plan or the share link could not be opened', e))
  .then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
