import { useEffect, useSyncExternalStore } from 'react';

export type ThemePreference = 'system' | 'light' | 'dark';
const KEY = 'portolan.theme';
const media = () => window.matchMedia('(prefers-color-scheme: dark)');

let preference: ThemePreference = readPreference();
const listeners = new Set<() => void>();

function readPreference(): ThemePreference {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system'; // Storage blocked: follow the system.
  }
}

export function setThemePreference(next: ThemePreference) {
  preference = next;
  try {
    if (next === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, next);
  } catch {
    // Storage blocked: the choice holds for this visit only.
  }
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const m = media();
  m.addEventListener('change', listener);
  return () => {
    listeners.delete(listener);
    m.removeEventListener('change', listener);
  };
}

function snapshot(): string {
  const resolved = preference === 'system' ? (media().matches ? 'dark' : 'light') : preference;
  return `${preference}:${resolved}`;
}

/** The theme preference (system, light, dark) and what it resolves to; keeps <html class="dark"> in step. */
export function useTheme(): { preference: ThemePreference; resolved: 'light' | 'dark' } {
  const [pref, resolved] = useSyncExternalStore(subscribe, snapshot).split(':') as [
    ThemePreference,
    'light' | 'dark',
  ];
  useEffect(() => {
    document.documentElement.classList.toggle('dark', resolved === 'dark');
    document.documentElement.style.colorScheme = resolved;
  }, [resolved]);
  return { preference: pref, resolved };
}
