import { usePlanner } from '../state';
import type { Command } from './command';
import type { DECISION_COMMANDS } from './decisions';
import type { FIELD_COMMANDS } from './fields';
import type { FIREWALL_COMMANDS } from './firewall';
import type { INVENTORY_COMMANDS } from './inventory';
import type { CLIPBOARD_COMMANDS } from './clipboard';
import type { HELP_COMMANDS } from './help';
import type { FIND_COMMANDS } from './find';
import type { STACK_COMMANDS } from './stacks';
import { HOST_COMMANDS } from './host';
import { PLAN_COMMANDS } from './plan';
import { VIEW_COMMANDS } from './view';
import { ZONE_COMMANDS } from './zone';

/** Every command the app loads at start, by id. */
export const COMMANDS = { ...PLAN_COMMANDS, ...HOST_COMMANDS, ...ZONE_COMMANDS, ...VIEW_COMMANDS };

/**
 * Every command, those that load with what uses them (fields, decisions, firewalls: the panels;
 * importing hosts: its dialog) included.
 */
type AllCommands = typeof COMMANDS &
  typeof FIELD_COMMANDS &
  typeof DECISION_COMMANDS &
  typeof FIREWALL_COMMANDS &
  typeof INVENTORY_COMMANDS &
  typeof CLIPBOARD_COMMANDS &
  typeof HELP_COMMANDS &
  typeof FIND_COMMANDS &
  typeof STACK_COMMANDS;
export type CommandId = keyof AllCommands;
type ArgsOf<K extends CommandId> = AllCommands[K] extends Command<infer A> ? A : never;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- commands of every argument type
type AnyCommand = Command<any>;
const registered = new Map<string, AnyCommand>(Object.entries(COMMANDS));

/** Adds commands whose code loads later (fields, decisions, firewalls: with the panels that use them). */
export function registerCommands(commands: Record<string, AnyCommand>) {
  for (const [id, command] of Object.entries(commands)) registered.set(id, command);
}

/** The command of an id, once its code has loaded. */
export const commandOf = <K extends CommandId>(id: K): AllCommands[K] | undefined =>
  registered.get(id) as AllCommands[K] | undefined;

/**
 * Runs a command if it is enabled; false when it did nothing (disabled, refused, or nothing to
 * do). Components call this rather than editing the store.
 */
export function run<K extends CommandId>(id: K, ...args: ArgsOf<K> extends void ? [] : [ArgsOf<K>]): boolean {
  const command = registered.get(id);
  if (!command) return false;
  const state = usePlanner.getState();
  const arg: unknown = args[0];
  if (command.enabled && !command.enabled(state, arg)) return false;
  return command.perform(state, arg) !== false;
}

/** Whether a command can run now (for a button's disabled state). */
export function isEnabled<K extends CommandId>(id: K, ...args: ArgsOf<K> extends void ? [] : [ArgsOf<K>]) {
  const command = registered.get(id);
  return !!command && (!command.enabled || command.enabled(usePlanner.getState(), args[0]));
}

/** Every command registered so far: those of the start, and those loaded since. */
export const registeredCommands = (): readonly AnyCommand[] => [...registered.values()];

/** Every command with keys, in registry order: what the keyboard does, for the shortcuts list. */
export function shortcuts(): { id: string; label: string; keys: readonly string[] }[] {
  return [...registered.values()].flatMap((c) =>
    c.keys?.length ? [{ id: c.id, label: c.label, keys: c.keys }] : [],
  );
}

/** The commands that take no arguments: those a button, a menu item or a key runs as it is. */
export type PlainCommandId = { [K in CommandId]: ArgsOf<K> extends void ? K : never }[CommandId];
