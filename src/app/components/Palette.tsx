import type { DragEvent } from 'react';
import { ROLES, ROLE_IDS, type RoleId } from '../../domain';
import { ROLE_DESCRIPTIONS } from '../../domain/catalog';
import { ROLE_MIME } from '../ui';
import { run } from '../commands';
import { Icon } from '../ui';
import { RoleIcon, roleTone } from '../ui';

/** A role, or "firewall" for a firewall device: what a palette item puts on the canvas. */
function onDragStart(e: DragEvent, role: RoleId | 'firewall') {
  e.dataTransfer.setData(ROLE_MIME, role);
  e.dataTransfer.effectAllowed = 'copy';
}

/** One button per role: drag it onto the canvas, or press it (click, Enter, Space) to add one in view. */
export function Palette() {
  return (
    <nav aria-label="Components" className="flex flex-col gap-1 p-2">
      <h2 className="px-2 pt-1 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
        Components
      </h2>
      {ROLE_IDS.map((role) => (
        <button
          key={role}
          type="button"
          draggable
          onDragStart={(e) => onDragStart(e, role)}
          onClick={() => run('addHost', { role })}
          title={`${ROLE_DESCRIPTIONS[role]} Drag onto the canvas, or press to add one in view.`}
          className="flex cursor-grab items-center gap-2 rounded-md border border-transparent px-2 py-1.5 text-left text-sm text-slate-800 hover:border-slate-300 hover:bg-white focus-visible:outline-2 focus-visible:outline-teal-600 active:cursor-grabbing dark:text-slate-200 dark:hover:border-slate-700 dark:hover:bg-slate-900"
        >
          <span className={roleTone(role)}>
            <RoleIcon role={role} />
          </span>
          {ROLES[role].label}
        </button>
      ))}
      <div className="my-2 border-t border-slate-200 dark:border-slate-800" />
      <button
        type="button"
        draggable
        onDragStart={(e) => onDragStart(e, 'firewall')}
        onClick={() => run('addFirewall', {})}
        title="A firewall device between zones: flows pass the devices that join their zones. Drag onto the canvas, or press to add one in view."
        className="flex cursor-grab items-center gap-2 rounded-md border border-transparent px-2 py-1.5 text-left text-sm text-slate-800 hover:border-slate-300 hover:bg-white focus-visible:outline-2 focus-visible:outline-teal-600 active:cursor-grabbing dark:text-slate-200 dark:hover:border-slate-700 dark:hover:bg-slate-900"
      >
        <Icon name="firewall" className="size-5 text-orange-600 dark:text-orange-400" />
        Firewall
      </button>
      <button
        type="button"
        onClick={() => run('newZone')}
        title="A network zone: asks its name and how far it is trusted, then draws it in view."
        className="flex items-center gap-2 rounded-md border border-dashed border-slate-400 px-2 py-1.5 text-sm text-slate-800 hover:bg-white focus-visible:outline-2 focus-visible:outline-teal-600 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-900"
      >
        <Icon name="zone" className="size-5 text-slate-500" />
        Add zone…
      </button>
    </nav>
  );
}
