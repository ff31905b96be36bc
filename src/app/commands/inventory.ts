import { addInventory, parseInventory } from '../../domain/inventory';
import { defineCommand } from './command';

/** "Import hosts": registered by its dialog as it loads, with the inventory reader. */
export const INVENTORY_COMMANDS = {
  /**
   * Adds the hosts of an inventory (CSV, or cells pasted from a spreadsheet) in one undo step, laid
   * out in their zones; lines with a problem add nothing (the dialog showed them).
   */
  importHosts: defineCommand<{ text: string }>({
    id: 'importHosts',
    label: 'Import hosts',
    perform: (s, { text }) => {
      const preview = parseInventory(text, s.plan);
      if (preview.hosts.length === 0) return false;
      const wasEmpty = s.plan.hosts.length === 0 && s.plan.zones.length === 0;
      if (!s.commit(addInventory(s.plan, preview))) return false;
      const zones = preview.newZones.length;
      s.notify({
        tone: 'success',
        title: `Added ${preview.hosts.length} host${preview.hosts.length === 1 ? '' : 's'}${
          zones ? ` and ${zones} new zone${zones === 1 ? '' : 's'}` : ''
        }.`,
        detail: 'Undo takes them all out again.',
      });
      // A plan that was empty is shown whole; in a drawn plan the view stays where the person was.
      if (wasEmpty) s.fitToPlan();
      return true;
    },
  }),
};
