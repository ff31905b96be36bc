import type { ReactNode } from 'react';
import { deleteSelection } from '../commands';
import { usePlanner } from '../store';
import { Icon } from './Icon';
import { Button } from './ui';
import { HostDetails } from './details/HostDetails';
import { ZoneDetails } from './details/ZoneDetails';
import { EdgeDetails } from './details/EdgeDetails';
import { PlanSummary } from './details/PlanDetails';

export function SidePanel() {
  const plan = usePlanner((s) => s.plan);
  const selection = usePlanner((s) => s.selection);
  let body: ReactNode;
  if (selection.kind === 'hosts' && selection.ids.length === 1) {
    const host = plan.hosts.find((h) => h.id === selection.ids[0]);
    body = host && <HostDetails key={host.id} host={host} plan={plan} />;
  } else if (selection.kind === 'hosts') {
    body = (
      <div className="space-y-3 px-4 py-3">
        <h2 className="text-base font-semibold">{selection.ids.length} hosts selected</h2>
        <Button variant="danger" onClick={deleteSelection}>
          <Icon name="trash" />
          Delete {selection.ids.length} hosts
        </Button>
      </div>
    );
  } else if (selection.kind === 'zone') {
    const zone = plan.zones.find((z) => z.id === selection.id);
    body = zone && <ZoneDetails key={zone.id} zone={zone} plan={plan} />;
  } else if (selection.kind === 'edge') {
    const source = plan.hosts.find((h) => h.id === selection.source);
    const target = plan.hosts.find((h) => h.id === selection.target);
    body = source && target && <EdgeDetails source={source} target={target} plan={plan} />;
  }
  return (
    <aside aria-label="Details" className="h-full overflow-y-auto text-slate-900 dark:text-slate-100">
      {body ?? <PlanSummary plan={plan} />}
    </aside>
  );
}
