import type { RoleId } from '../../domain';
import { Glyph } from './Icon';

/** Simple line icons, one per role (24 × 24, drawn with the current colour). */
const PATHS: Record<RoleId, string> = {
  'array-manager': 'M4 4h16v5H4zM4 11h16v5H4zM7 6.5h.01M7 13.5h.01M9 20h6M12 16v4',
  'processing-node': 'M4 5h16v6H4zM4 13h16v6H4zM7 8h.01M7 16h.01M13 8h4M13 16h4',
  'sql-server':
    'M5 6c0-1.7 3.1-3 7-3s7 1.3 7 3-3.1 3-7 3-7-1.3-7-3zM5 6v12c0 1.7 3.1 3 7 3s7-1.3 7-3V6M5 12c0 1.7 3.1 3 7 3s7-1.3 7-3',
  'directory-server': 'M12 3v5M12 8H6v4M12 8h6v4M4 12h4v4H4zM16 12h4v4h-4zM10 16h4v5h-4zM6 16v2h4M18 16v2h-4',
  'dns-server':
    'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM3 12h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9M12 3C9.5 5.5 8.5 8.5 8.5 12s1 6.5 3.5 9',
  'admin-workstation': 'M3 4h18v12H3zM8 20h8M12 16v4M8 10l2 2-2 2M12 14h4',
  'web-components': 'M3 4h18v16H3zM3 8h18M6 6h.01M8.5 6h.01M7 12h10M7 16h6',
  'rest-client':
    'M8 4H7a2 2 0 0 0-2 2v4l-2 2 2 2v4a2 2 0 0 0 2 2h1M16 4h1a2 2 0 0 1 2 2v4l2 2-2 2v4a2 2 0 0 1-2 2h-1M10 12h.01M14 12h.01',
  'pop3-client': 'M3 6h18v12H3zM3 6l9 7 9-7M12 21v-3M9.5 20.5 12 18l2.5 2.5',
  'mail-server': 'M3 5h18v14H3zM3 5l9 7 9-7',
  internet: 'M7 18a4 4 0 0 1-.5-7.97A6 6 0 0 1 18 9a4.5 4.5 0 0 1-.5 9z',
};

export function RoleIcon({ role, className = 'size-5' }: { role: RoleId; className?: string }) {
  return <Glyph path={PATHS[role]} className={className} strokeWidth={1.7} />;
}

/** Colour family of a role, for icons and accents. */
export function roleTone(role: RoleId): string {
  switch (role) {
    case 'array-manager':
    case 'processing-node':
    case 'web-components':
      return 'text-teal-700 dark:text-teal-300';
    case 'internet':
      return 'text-sky-700 dark:text-sky-300';
    case 'admin-workstation':
    case 'rest-client':
    case 'pop3-client':
      return 'text-violet-700 dark:text-violet-300';
    default:
      return 'text-indigo-700 dark:text-indigo-300';
  }
}
