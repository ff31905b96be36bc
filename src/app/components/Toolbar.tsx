import { ExportButtons } from './ExportButtons';
import { ShareButton } from './ShareButton';
import { ActionButton } from './toolbar';
import { PlanFiles } from './toolbar';
import { PlanName } from './toolbar';
import { ThemeSelect } from './toolbar';
import { VersionSelects } from './toolbar';

/**
 * The bar across the top: the plan, its versions, history, opening and sharing plans. Each part is
 * in toolbar/. It stays one line from 1024 px: below 1440 px the buttons show their icons alone,
 * below 1280 px the mark goes and the gaps close up; the plan's name is what shrinks.
 */
export function Toolbar() {
  return (
    <header className="portolan-toolbar flex h-13 shrink-0 items-center gap-1.5 border-b border-slate-200 bg-white px-3 xl:gap-2 dark:border-slate-800 dark:bg-slate-950">
      {/* The mark and the title give their room to the plan's name on narrower screens (screen readers keep the title). */}
      <img src="/favicon.svg" alt="" title="Portolan" className="size-6 shrink-0 max-xl:hidden" />
      <h1 className="sr-only shrink-0 text-base font-bold tracking-tight text-slate-900 min-[1600px]:not-sr-only dark:text-slate-50">
        Portolan
      </h1>
      <div className="h-6 border-l border-slate-200 max-xl:hidden dark:border-slate-800" />
      <PlanName />
      <VersionSelects />
      <div className="h-6 border-l border-slate-200 dark:border-slate-800" />
      <div className="flex items-center gap-0.5" role="group" aria-label="History">
        <ActionButton command="undo" icon="undo" />
        <ActionButton command="redo" icon="redo" />
      </div>
      <ActionButton command="tidyLayout" icon="layout" text="Tidy" />
      <div className="ml-auto flex shrink-0 items-center gap-1 xl:gap-1.5">
        <PlanFiles />
        <div className="mx-1 h-6 border-l border-slate-200 dark:border-slate-800" />
        <ExportButtons />
        <ShareButton />
        <div className="mx-1 h-6 border-l border-slate-200 dark:border-slate-800" />
        <ThemeSelect />
      </div>
    </header>
  );
}
