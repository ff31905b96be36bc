// The height of the tables under the canvas, as this browser last chose it (see TablesSplitter):
// read before the first render, so the layout does not jump.

/** The tables' height this browser last chose (kept across visits). */
export const TABLES_HEIGHT_KEY = 'portolan.tablesHeight';
export const TABLES_MIN = 120;
/** Room the canvas keeps above the tables, however far they are pulled up. */
const canvasRoom = () => 220;
export const tablesMax = () => Math.max(TABLES_MIN, window.innerHeight - canvasRoom());

/** The tables' height kept in this browser, or the usual 256 px. */
export function keptTablesHeight(): number {
  try {
    const kept = Number(localStorage.getItem(TABLES_HEIGHT_KEY));
    if (Number.isFinite(kept) && kept >= TABLES_MIN) return Math.min(kept, tablesMax());
  } catch {
    // No storage (a private window with it off): the usual height.
  }
  return 256;
}
