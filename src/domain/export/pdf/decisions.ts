import { FEATURES, FEATURE_IDS, featureOn } from '../../catalog';
import { COUNTERPART_ROLES, type CounterpartRole, type Plan } from '../../plan';
import { MARGIN, MUTED, type Doc } from './doc';

/*
 * The architect's decisions that shape the flows rather than list them: features switched off,
 * hosts kept to their own array, counterparts chosen. A few lines after the catalog rules.
 */

const COUNTERPARTS: Record<CounterpartRole, string> = {
  'dns-server': 'DNS servers',
  'mail-server': 'mail servers',
  'directory-server': 'domain controllers',
};

/** "a", "a and b", "a, b and c" */
const listed = (items: string[]) =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** One sentence per decision the plan made; none when it keeps every default. */
export function decisionLines(plan: Plan): string[] {
  const lines: string[] = [];
  const off = FEATURE_IDS.filter((id) => !featureOn(plan.features, id)).map((id) => FEATURES[id].label);
  if (off.length > 0)
    lines.push(`Features not in use: ${off.join('; ')}. The flows they need are not in this request.`);
  // Arrays matter only with more than one Array Manager.
  const managers = plan.hosts.filter((h) => h.roles.includes('array-manager'));
  const named = new Set(plan.hosts.flatMap((h) => (h.array === undefined ? [] : [h.array])));
  const arrays = managers.filter((m) => named.has(m.id)).map((m) => m.name);
  if (managers.length > 1 && arrays.length > 0)
    lines.push(`Hosts keep to their own array (${arrays.join(', ')}).`);
  const chosen = COUNTERPART_ROLES.filter((role) => plan.hosts.some((h) => h.uses?.[role] !== undefined));
  if (chosen.length > 0)
    lines.push(`Some hosts use only chosen ${listed(chosen.map((r) => COUNTERPARTS[r]))}.`);
  return lines;
}

/**
 * The decisions under a small heading, below `end` (or at the top of a new page when they do not
 * fit there); returns where they ended, or `end` when the plan made none.
 */
export function decisionsNote(doc: Doc, plan: Plan, end: number): number {
  const lines = decisionLines(plan);
  if (lines.length === 0) return end;
  const width = doc.width - 2 * MARGIN;
  // Each line wraps; 13 points a printed line at 10 points, with room to spare for the heading.
  const room = 24 + lines.reduce((h, l) => h + 13 * Math.ceil(doc.textWidth(l) / width + 0.01), 0);
  let y = end + 20;
  if (y + room > doc.height - MARGIN - 10) {
    doc.pdf.addPage();
    y = MARGIN;
  }
  y += doc.text('Decisions that shape the flows', MARGIN, y, { size: 11, bold: true }) + 4;
  for (const line of lines) y += doc.text(line, MARGIN, y, { colour: MUTED, maxWidth: width }) + 3;
  return y;
}
