import { describe, expect, it } from 'vitest';
import { DECISION_COMMANDS } from './decisions';
import { FIELD_COMMANDS } from './fields';
import { FIREWALL_COMMANDS } from './firewall';
import { INVENTORY_COMMANDS } from './inventory';
import { CLIPBOARD_COMMANDS } from './clipboard';
import { HELP_COMMANDS } from './help';
import { FIND_COMMANDS } from './find';
import { STACK_COMMANDS } from './stacks';
import { COMMANDS, commandOf, registerCommands, run, shortcuts } from './registry';

describe('the command registry', () => {
  it('gives each command the id it is registered under, once', () => {
    const all = {
      ...COMMANDS,
      ...FIELD_COMMANDS,
      ...DECISION_COMMANDS,
      ...FIREWALL_COMMANDS,
      ...INVENTORY_COMMANDS,
      ...CLIPBOARD_COMMANDS,
      ...HELP_COMMANDS,
      ...FIND_COMMANDS,
      ...STACK_COMMANDS,
    };
    for (const [id, command] of Object.entries(all)) expect(command.id).toBe(id);
    // 14 at start; with the panels 12 fields, 6 decisions, 8 on firewall devices, 5 of the
    // clipboard, 1 of help, 1 of finding, 2 of stacks; 1 with its dialog: no id taken twice.
    expect(Object.keys(all)).toHaveLength(50);
  });

  it('lists every shortcut from the commands, with its label', () => {
    expect(shortcuts().map((s) => [s.label, s.keys[0]])).toEqual([
      ['Undo', 'Mod+Z'],
      ['Redo', 'Mod+Shift+Z'],
      ['Delete', 'Delete'],
      ['Clear selection', 'Escape'],
      ['Tidy layout', 'Alt+Shift+L'],
    ]);
  });

  it('runs the decisions only once their panels have registered them', () => {
    expect(commandOf('setFeatureInUse')).toBeUndefined();
    expect(run('includeInRequest', { flows: [] })).toBe(false);
    registerCommands(DECISION_COMMANDS);
    expect(commandOf('setFeatureInUse')?.label).toBe('Features in use');
  });
});
