import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { restoreSavedPlan } from './app/lib/persistence';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Read the saved plan before the first render, so the canvas opens on it. (Not a top-level await:
// the validator's chunk imports this one, which must finish evaluating first.)
void restoreSavedPlan()
  .catch((e: unknown) => console.error('The saved plan could not be restored', e))
  .then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
