import { ReactFlowProvider } from '@xyflow/react';
// React Flow's base styles only: the cards, arrows, controls and their colours are the app's own.
import '@xyflow/react/dist/base.css';
import { useEffect } from 'react';
import { Canvas } from './canvas';
import { loadPanels, SaveStatus, usePanels, useTablesHeight } from './components';
import { Toolbar } from './components';
import { startFileDrop } from './io';
import { openSharedLink } from './io';
import { startShortcuts } from './commands';
import { useTheme } from './ui';

// The panels' chunk is fetched now, alongside the saved plan being read, not after the first render.
void loadPanels().catch(() => undefined);
export function App() {
  useTheme();
  // Until the panels' chunk is in (usually before the first render), their frames stay empty.
  const panels = usePanels();
  const [tablesHeight, setTablesHeight] = useTablesHeight();
  useEffect(() => {
    const stopKeys = startShortcuts();
    const stopDrop = startFileDrop();
    // A share link pasted into the address bar of an open Portolan.
    const onHash = () => void openSharedLink();
    window.addEventListener('hashchange', onHash);
    return () => {
      window.removeEventListener('hashchange', onHash);
      stopKeys();
      stopDrop();
    };
  }, []);

  return (
    <ReactFlowProvider>
      <div className="flex h-full flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
        <Toolbar />
        {/* Read in this order (palette, canvas, details, tables) so Tab goes from the canvas to
            the details beside it; the grid draws the tables under the canvas. */}
        <div
          className="portolan-workspace grid min-h-0 flex-1"
          style={{ gridTemplateRows: `auto minmax(0, 1fr) auto ${tablesHeight}px` }}
        >
          <div className="portolan-palette overflow-y-auto border-r border-slate-200 bg-slate-50 [grid-area:palette] dark:border-slate-800 dark:bg-slate-950">
            {panels && <panels.Palette />}
          </div>
          <div className="min-w-0 [grid-area:status]">
            <SaveStatus />
          </div>
          <main aria-label="Plan canvas" className="portolan-canvas min-h-0 min-w-0 [grid-area:canvas]">
            <Canvas />
          </main>
          <div className="portolan-details min-h-0 border-l border-slate-200 bg-white [grid-area:details] dark:border-slate-800 dark:bg-slate-950">
            {panels && <panels.SidePanel />}
          </div>
          <div className="min-w-0 [grid-area:split]">
            {panels && <panels.TablesSplitter height={tablesHeight} onHeight={setTablesHeight} />}
          </div>
          <div className="portolan-tables min-h-0 min-w-0 bg-white [grid-area:tables] dark:bg-slate-950">
            {panels && <panels.BottomPanel />}
          </div>
        </div>
      </div>
      {panels && <panels.Notices />}
      {panels && <panels.DialogHost />}
    </ReactFlowProvider>
  );
}
