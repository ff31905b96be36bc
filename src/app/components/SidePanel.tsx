import { Suspense, lazy, useEffect, type ReactNode } from 'react';
import { whenIdle } from './idle';
import { usePlanner } from '../state';
import { PlanSummary } from './details';

/*
 * The plan's details show first; the host, zone, device and flow details (details/selected.ts) load
 * while the page is idle after start, so the first load is smaller and a selection finds them.
 */
const loadSelected = () => import('./details/selected');
const HostDetails = lazy(() => loadSelected().then((m) => ({ default: m.HostDetails })));
const HostsDetails = lazy(() => loadSelected().then((m) => ({ default: m.HostsDetails })));
const ZoneDetails = lazy(() => loadSelected().then((m) => ({ default: m.ZoneDetails })));
const EdgeDetails = lazy(() => loadSelected().then((m) => ({ default: m.EdgeDetails })));
const FirewallDetails = lazy(() => loadSelected().then((m) => ({ default: m.FirewallDetails })));

export function SidePanel() {
  useEffect(() => whenIdle(() => void loadSelected().catch(() => undefined)), []);
  const plan = usePlanner((s) => s.plan);
  const selection = usePlanner((s) => s.selection);
  let body: ReactNode;
  if (selection.kind === 'hosts' && selection.ids.length === 1) {
    const host = plan.hosts.find((h) => h.id === selection.ids[0]);
    body = host && <HostDetails key={host.id} host={host} plan={plan} />;
  } else if (selection.kind === 'hosts') {
    body = <HostsDetails ids={selection.ids} plan={plan} />;
  } else if (selection.kind === 'zone') {
    const zone = plan.zones.find((z) => z.id === selection.id);
    body = zone && <ZoneDetails key={zone.id} zone={zone} plan={plan} />;
  } else if (selection.kind === 'firewall') {
    const firewall = plan.firewalls?.find((f) => f.id === selection.id);
    body = firewall && <FirewallDetails key={firewall.id} firewall={firewall} plan={plan} />;
  } else if (selection.kind === 'edge') {
    const source = plan.hosts.find((h) => h.id === selection.source);
    const target = plan.hosts.find((h) => h.id === selection.target);
    body = source && target && <EdgeDetails source={source} target={target} plan={plan} />;
  }
  return (
    <aside aria-label="Details" className="h-full overflow-y-auto text-slate-900 dark:text-slate-100">
      <Suspense fallback={null}>{body ?? <PlanSummary plan={plan} />}</Suspense>
    </aside>
  );
}
