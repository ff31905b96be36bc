import type { Plan } from '../../domain';
import { derive, loadUpgrade, usePlanner } from '../state';
import { run } from './registry';

/**
 * Says what moving the plan from `previous` to its version changes for the firewall, offering to
 * compare the two. Loaded on first use with the comparison's code (see changeProductVersion).
 */
export async function tellVersionSwitch(next: Plan, previous: string): Promise<void> {
  const { upgradeDelta, versionSwitchSummary } = await loadUpgrade();
  const summary = versionSwitchSummary(upgradeDelta(next, previous, derive(next)));
  const { announce, notify } = usePlanner.getState();
  announce(summary);
  notify({
    tone: 'info',
    title: summary,
    silent: true,
    ...(next.upgradeFrom === undefined
      ? {
          detail: 'Compare the two to see what to open before the upgrade and what to close after it.',
          actions: [
            { label: `Compare with ${previous}`, run: () => void run('compareWith', { from: previous }) },
          ],
        }
      : {}),
  });
}
