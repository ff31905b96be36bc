import { commandOf, commandTitle, run, type PlainCommandId } from '../../commands';
import { usePlanner } from '../../state';
import { Button, Icon, type IconName } from '../../ui';

/**
 * A toolbar button for a command: its label, its keys in the tooltip, enabled as the command says.
 * Below 1440 px the icon alone shows, with the name and tooltip.
 */
export function ActionButton({
  command,
  icon,
  text,
}: {
  command: PlainCommandId;
  icon: IconName;
  text?: string;
}) {
  const definition = commandOf(command)!;
  const enabled = usePlanner((s) => definition.enabled?.(s) ?? true);
  const busy = usePlanner((s) => command === 'tidyLayout' && s.layoutBusy);
  return (
    <Button
      variant="ghost"
      className="h-8.5 max-xl:px-2"
      onClick={() => run(command)}
      disabled={!enabled}
      aria-busy={busy}
      aria-label={definition.label}
      title={commandTitle(definition)}
    >
      <Icon name={icon} />
      {text && <span className="max-[1439px]:hidden">{text}</span>}
    </Button>
  );
}
