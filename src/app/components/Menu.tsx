import { lazy, useCallback, useId, useRef, useState, type ReactNode } from 'react';
import { OnDemand } from './LoadBoundary';
import { Icon } from '../ui';
import { Button } from '../ui';
import type { MenuItem } from './MenuList';
import { whenIdle } from './idle';

export type { MenuItem };

/** The open list (MenuList.tsx): loaded while the page is idle, or when a menu first opens. */
const loadList = () => import('./MenuList');
const MenuList = lazy(() => loadList().then((m) => ({ default: m.MenuList })));
whenIdle(() => void loadList().catch(() => undefined));

/**
 * A menu button (WAI-ARIA menu pattern): Enter, a click or the down arrow opens its list. While its
 * items are still loading, `loading` says so in the open menu and the first item takes focus when
 * they arrive.
 */
export function Menu({
  label,
  items,
  icon,
  loading,
}: {
  label: string;
  items: MenuItem[];
  icon?: ReactNode;
  loading?: string;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const onClose = useCallback((how: 'picked' | 'escape' | 'away') => {
    setOpen(false);
    // A picked item goes away with the menu: the keyboard goes back to the menu's button.
    if (how !== 'away') button.current?.focus();
  }, []);

  return (
    <div className="relative">
      <Button
        ref={button}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {icon}
        {label}
        <Icon name="chevron" className="size-3.5" />
      </Button>
      {open && (
        <OnDemand>
          <MenuList
            id={id}
            label={label}
            items={items}
            loading={loading}
            onClose={onClose}
            keep={button}
            className="absolute top-full left-0 mt-1"
          />
        </OnDemand>
      )}
    </div>
  );
}
