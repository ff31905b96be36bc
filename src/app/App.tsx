import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect } from 'react';
import { Canvas } from './canvas';
import { loadPanels, SaveStatus, usePanels } from './components';
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
        <div className="flex min-h-0 flex-1">
          <div className="w-52 shrink-0 overflow-y-auto border-r border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-950">
            {panels && <panels.Palette />}
          </div>
          <div className="flex min-w-0 flex-1 flex-col">
            <SaveStatus />
            <main aria-label="Plan canvas" className="min-h-0 flex-1">
              <Canvas />
            </main>
            <div className="h-64 shrink-0 border-t border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
              {panels && <panels.BottomPanel />}
            </div>
          </div>
          <div className="w-80 shrink-0 border-l border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
            {panels && <panels.SidePanel />}
          </div>
        </div>
      </div>
      {panels && <panels.Notices />}
      {panels && <panels.DialogHost />}
    </ReactFlowProvider>
  );
}
