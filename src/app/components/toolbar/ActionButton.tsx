import { ACTIONS, actionTitle, run, type Action } from '../../commands';
import { usePlanner } from '../../state';
import { Icon, type IconName } from '../../ui';
import { Button } from '../../ui';

/** A toolbar button for an action: its label, its keys in the tooltip, enabled as the action says. */
export function ActionButton({ action, icon, text }: { action: Action; icon: IconName; text?: string }) {
  const enabled = usePlanner((s) => action.enabled?.(s) ?? true);
  const busy = usePlanner((s) => action === ACTIONS.tidyLayout && s.layoutBusy);
  return (
    <Button
      variant="ghost"
      onClick={() => run(action)}
      disabled={!enabled}
      aria-busy={busy}
      aria-label={action.label}
      title={actionTitle(action)}
    >
      <Icon name={icon} />
      {text}
    </Button>
  );
}
