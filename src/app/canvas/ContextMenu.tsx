import { ariaKey, commandOf, isEnabled, keyHint, run, type PlainCommandId } from '../commands';
import { lazy } from 'react';
import { OnDemand, openImportHosts, type MenuItem } from '../components';

/** The menu's list, shared with the toolbar's menus (usually loaded already, while idle). */
const MenuList = lazy(() => import('../components/MenuList').then((m) => ({ default: m.MenuList })));

/** What was right-clicked (or had the keyboard when Shift+F10 or the menu key was pressed). */
export type MenuTarget = 'hosts' | 'zone' | 'firewall' | 'edge' | 'canvas';

export interface ContextMenuAt {
  target: MenuTarget;
  x: number;
  y: number;
}

/** A command as a menu item: its own label and key, greyed while it cannot run. */
function commandItem(id: PlainCommandId, group?: boolean): MenuItem[] {
  const command = commandOf(id);
  if (!command) return [];
  const key = command.keys?.[0];
  return [
    {
      label: command.label,
      hint: keyHint(command),
      shortcut: key && ariaKey(key),
      disabled: !isEnabled(id),
      onSelect: () => run(id),
      group,
    },
  ];
}

/**
 * Puts the keyboard on the details' first "Exclude …" button of the selected arrow, once the
 * details show that arrow (their code may still be loading): for up to two seconds. An arrow may
 * carry several flows: the person picks there which to leave out, and why.
 */
function toExclusions(until = performance.now() + 2000) {
  requestAnimationFrame(() => {
    const details = document.querySelector('[aria-label="Details"]');
    const first = details?.querySelector<HTMLElement>('button[aria-label^="Exclude "]');
    if (first) first.focus();
    else if (performance.now() < until) toExclusions(until);
  });
}

/** The menu of each kind of thing on the canvas: the same commands as the keys and buttons. */
function itemsFor(target: MenuTarget): MenuItem[] {
  switch (target) {
    case 'hosts':
    case 'zone':
      return [
        ...commandItem('copy'),
        ...commandItem('cut'),
        ...commandItem('duplicate'),
        ...commandItem('deleteSelection'),
        ...commandItem('selectAll', true),
        ...commandItem('findHost'),
      ];
    case 'firewall':
      return [...commandItem('deleteSelection'), ...commandItem('clearSelection', true)];
    case 'edge':
      return [
        { label: 'Leave flows out of the change request…', onSelect: () => toExclusions() },
        ...commandItem('clearSelection', true),
      ];
    case 'canvas':
      return [
        ...commandItem('paste'),
        ...commandItem('selectAll'),
        ...commandItem('newZone', true),
        ...commandItem('tidyLayout'),
        { label: 'Import hosts…', onSelect: openImportHosts },
        ...commandItem('findHost', true),
        ...commandItem('showShortcuts'),
      ];
  }
}

const LABELS: Record<MenuTarget, string> = {
  hosts: 'Host',
  zone: 'Zone',
  firewall: 'Firewall',
  edge: 'Flow',
  canvas: 'Canvas',
};

/** The canvas's context menu, where it was asked for, kept inside the window. */
export function ContextMenu({
  at,
  onClose,
}: {
  at: ContextMenuAt;
  onClose: (how: 'picked' | 'escape' | 'away') => void;
}) {
  const items = itemsFor(at.target);
  const x = Math.max(4, Math.min(at.x, window.innerWidth - 272));
  const y = Math.max(4, Math.min(at.y, window.innerHeight - items.length * 33 - 24));
  return (
    <OnDemand>
      <MenuList
        label={`${LABELS[at.target]} menu`}
        items={items}
        onClose={onClose}
        className="fixed"
        style={{ left: x, top: y }}
      />
    </OnDemand>
  );
}
