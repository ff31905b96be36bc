import type { ReactNode } from 'react';
import { ROLES, type Flow, type Plan } from '../../../domain';
import { explainFlows } from '../../../domain/engine';

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-t border-slate-200 px-4 py-3 dark:border-slate-800">
      <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
        {title}
      </h3>
      {children}
    </section>
  );
}

export function FlowList({ flows, plan, empty }: { flows: Flow[]; plan: Plan; empty: string }) {
  if (flows.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">{empty}</p>;
  return (
    <ul className="space-y-2">
      {explainFlows(plan, flows).map((e) => (
        <li key={e.rule.id} className="text-sm">
          <div className="font-medium">
            {e.rule.title}{' '}
            <span className="font-mono text-xs text-slate-500 dark:text-slate-400">{e.services}</span>
          </div>
          <div className="text-xs text-slate-600 dark:text-slate-400">
            {[...new Set(e.flows.flatMap((f) => f.sourceRoles.map((r) => ROLES[r].label)))].join(', ')} →{' '}
            {[...new Set(e.flows.flatMap((f) => f.destinationRoles.map((r) => ROLES[r].label)))].join(', ')}
          </div>
        </li>
      ))}
    </ul>
  );
}
