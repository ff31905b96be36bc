import { visibleText, type Host, type Plan } from '../../../domain';
import { explainFlows } from '../../../domain/catalog/texts';
import { useDerivation } from '../../store';
import { Icon } from '../Icon';
import { Section } from './Section';

export function EdgeDetails({ source, target, plan }: { source: Host; target: Host; plan: Plan }) {
  const { flows } = useDerivation();
  const mine = flows.filter((f) => f.sourceHostId === source.id && f.destinationHostId === target.id);
  const crossing = mine.some((f) => f.crossesFirewall);
  return (
    <>
      <div className="px-4 py-3">
        <h2 className="text-base font-semibold">
          {visibleText(source.name)} → {visibleText(target.name)}
        </h2>
        <p className="mt-1 flex items-center gap-1.5 text-sm text-slate-600 dark:text-slate-300">
          {crossing ? (
            <>
              <Icon name="firewall" className="size-4 text-orange-600 dark:text-orange-400" />
              Crosses a firewall
            </>
          ) : (
            'Inside one zone: no firewall in between'
          )}
        </p>
      </div>
      {explainFlows(plan, mine).map((e) => (
        <Section key={e.rule.id} title={e.rule.title}>
          <dl className="grid grid-cols-[6.5rem_1fr] gap-x-2 gap-y-1 text-sm">
            <dt className="text-slate-500 dark:text-slate-400">Services</dt>
            <dd className="font-mono">{e.services}</dd>
            <dt className="text-slate-500 dark:text-slate-400">Rule</dt>
            <dd className="font-mono">{e.rule.id}</dd>
            <dt className="text-slate-500 dark:text-slate-400">Versions</dt>
            <dd>{e.versions}</dd>
            <dt className="text-slate-500 dark:text-slate-400">When</dt>
            <dd>{e.text.condition}</dd>
            <dt className="text-slate-500 dark:text-slate-400">Addresses</dt>
            <dd className="font-mono text-xs break-all">
              {e.flows[0]!.sourceAddress || '(no address)'} →{' '}
              {e.flows[0]!.destinationAddress || '(no address)'}
            </dd>
          </dl>
          <p className="mt-2 text-sm leading-relaxed text-slate-700 dark:text-slate-200">
            {e.text.explanation}
          </p>
          {e.notes.map((n) => (
            <p
              key={n.text}
              className="mt-2 border-l-2 border-amber-400 pl-2 text-sm text-slate-700 dark:text-slate-200"
            >
              {n.text}
            </p>
          ))}
          <p className="mt-2 flex items-center gap-1 text-xs text-slate-500 dark:text-slate-400">
            <Icon name="book" className="size-3.5" />
            Source: {e.rule.source.citation}
          </p>
        </Section>
      ))}
    </>
  );
}
