import { useEffect, useState } from 'react';
import { loadWarnings } from '../state';
import type * as PanelsModule from './panels';

type Panels = typeof PanelsModule;

let loaded: Panels | undefined;
let pending: Promise<Panels> | undefined;

/** Fetches the panels' chunk and the warnings they list (once; again after a failure). */
export function loadPanels(): Promise<Panels> {
  pending ??= Promise.all([import('./panels'), loadWarnings()]).then(
    ([m]) => {
      m.registerPanelCommands();
      return (loaded = m);
    },
    (e: unknown) => {
      pending = undefined;
      throw e;
    },
  );
  return pending;
}

/**
 * The panels once their chunk is in, else undefined (the layout keeps their frames meanwhile).
 * The chunk is fetched when the app starts, while the saved plan is read, so it is usually in
 * before the first render and the panels show with the canvas.
 */
export function usePanels(): Panels | undefined {
  const [panels, setPanels] = useState(() => loaded);
  useEffect(() => {
    if (panels) return;
    let live = true;
    loadPanels().then(
      (m) => {
        if (live) setPanels(m);
      },
      (e: unknown) => console.error('The panels could not be loaded', e),
    );
    return () => {
      live = false;
    };
  }, [panels]);
  return panels;
}
