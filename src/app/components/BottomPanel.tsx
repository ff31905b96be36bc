import { useDerivation, usePlanner, useScopedDelta, useScopedFlows, type BottomTab } from '../state';
import { tabAfterKey } from './tabs';
import { FlowTable } from './FlowTable';
import { GroupedRules } from './GroupedRules';
import { WarningList } from './WarningList';

/** Tabs for the flow table and the warnings list. */
export function BottomPanel() {
  const tab = usePlanner((s) => s.bottomTab);
  const { warnings } = useDerivation();
  const scoped = useScopedFlows();
  // While an upgrade is compared the table also lists the flows it removes.
  const delta = useScopedDelta();
  const flows = delta ? delta.flows : scoped;
  const tabs: { id: BottomTab; label: string }[] = [
    { id: 'flows', label: `Flows (${flows.length})` },
    { id: 'grouped', label: 'Grouped rules' },
    { id: 'warnings', label: `Warnings (${warnings.length})` },
  ];
  return (
    <section
      aria-label="Flows and warnings"
      className="flex h-full min-h-0 flex-col text-slate-900 dark:text-slate-100"
    >
      <div
        role="tablist"
        aria-label="Flows and warnings"
        className="flex gap-1 border-b border-slate-200 px-2 dark:border-slate-800"
      >
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => usePlanner.getState().setBottomTab(t.id)}
            onKeyDown={(e) => {
              const to = tabAfterKey(
                tabs.findIndex((x) => x.id === tab),
                tabs.length,
                e.key,
              );
              if (to === undefined) return;
              e.preventDefault();
              const next = tabs[to]!;
              usePlanner.getState().setBottomTab(next.id);
              document.getElementById(`tab-${next.id}`)?.focus();
            }}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-teal-600 ${
              tab === t.id
                ? 'border-teal-600 text-teal-800 dark:text-teal-300'
                : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100'
            }`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        id={`panel-${tab}`}
        role="tabpanel"
        aria-labelledby={`tab-${tab}`}
        className="min-h-0 flex-1 overflow-auto"
      >
        {tab === 'flows' ? <FlowTable /> : tab === 'grouped' ? <GroupedRules /> : <WarningList />}
      </div>
    </section>
  );
}
