// The height of the tables under the canvas, as this browser last chose it (see TablesSplitter):
// read before the first render, so the layout does not jump.
import { useEffect, useState } from 'react';

/** The tables' height this browser last chose (kept across visits). */
export const TABLES_HEIGHT_KEY = 'portolan.tablesHeight';
export const TABLES_MIN = 120;
/** Room the canvas keeps above the tables, however far they are pulled up. */
const canvasRoom = () => 220;
export const tablesMax = () => Math.max(TABLES_MIN, window.innerHeight - canvasRoom());

/** The tables' usual height. */
export const TABLES_DEFAULT = 256;

/** The tables' height kept in this browser, or the usual one. */
function keptTablesHeight(): number {
  try {
    const kept = Number(localStorage.getItem(TABLES_HEIGHT_KEY));
    if (Number.isFinite(kept) && kept >= TABLES_MIN) return Math.min(kept, tablesMax());
  } catch {
    // No storage (a private window with it off): the usual height.
  }
  return TABLES_DEFAULT;
}

/**
 * The tables' height as chosen, and as shown: within what the window leaves the canvas, so a
 * smaller window never squeezes the canvas out (the choice comes back when the window grows).
 */
export function useTablesHeight(): [shown: number, choose: (height: number) => void] {
  const [chosen, choose] = useState(keptTablesHeight);
  const [, resized] = useState(0);
  useEffect(() => {
    const onResize = () => resized((n) => n + 1);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return [Math.min(chosen, tablesMax()), choose];
}
