/**
 * The change request on paper: the plan's name over the diagram, and after it the grouped rules
 * and their address groups, every row. The tables on screen cannot be printed as they are (the
 * flow table draws only the rows in view, the grouped rules only while their tab is open), so
 * these are built for printing and taken out after it. Hidden on screen: only print.css shows
 * them. Built with DOM calls and textContent, so no name in a plan is read as markup.
 */
import { visibleText, type Plan } from '../../domain';
import { groupFlows, ruleSections, type AddressGroup, type Grouping } from '../../domain/grouping';
import { derive, scopedFlows, usePlanner } from '../state';

const PRINTED = 'portolan-print-only';

type Child = Node | string | undefined | false;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; id?: string; colSpan?: number; scope?: string } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.className) e.className = props.className;
  if (props.id) e.id = props.id;
  if (props.colSpan) (e as HTMLTableCellElement).colSpan = props.colSpan;
  if (props.scope) (e as HTMLTableCellElement).scope = props.scope;
  for (const c of children) if (c !== undefined && c !== false) e.append(c);
  return e;
}

function rulesTable(plan: Plan, grouping: Grouping, labelledBy: string): HTMLTableElement {
  const devices = !!plan.firewalls?.length;
  const zones = new Map(plan.zones.map((z) => [z.id, z.name]));
  const zone = (id: string | undefined) => (id ? visibleText(zones.get(id) ?? '') : '(no zone)');
  const side = (group: AddressGroup, zoneId: string | undefined) =>
    el(
      'td',
      {},
      el('div', { className: 'portolan-print-mono portolan-print-strong' }, group.name),
      el('div', { className: 'portolan-print-faint' }, zone(zoneId)),
    );
  const head = [
    'Rule',
    'Source',
    'Destination',
    'Services',
    ...(devices ? ['Interfaces'] : []),
    'Justification',
  ];
  const table = el(
    'table',
    { className: `portolan-print-table${devices ? ' portolan-print-devices' : ''}` },
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
  );
  table.setAttribute('aria-labelledby', labelledBy);
  for (const section of ruleSections(plan, grouping)) {
    const body = el('tbody');
    if (section.title !== undefined) {
      body.append(
        el(
          'tr',
          { className: 'portolan-print-section' },
          el(
            'th',
            { colSpan: head.length, scope: 'colgroup' },
            section.title,
            section.detail && el('span', { className: 'portolan-print-faint' }, ` ${section.detail}`),
          ),
        ),
      );
      if (section.rows.length === 0)
        body.append(
          el(
            'tr',
            {},
            el(
              'td',
              { colSpan: head.length, className: 'portolan-print-faint' },
              'No rule of the request passes this device.',
            ),
          ),
        );
    }
    for (const { rule, hop } of section.rows) {
      body.append(
        el(
          'tr',
          {},
          el('td', { className: 'portolan-print-mono' }, String(rule.number)),
          side(rule.source, rule.sourceZone),
          side(rule.destination, rule.destinationZone),
          el(
            'td',
            { className: 'portolan-print-mono' },
            rule.services.map((s) => `${s.protocol}/${s.port}`).join(', '),
          ),
          devices &&
            el('td', { className: 'portolan-print-mono' }, hop ? `${hop.from.name} → ${hop.to.name}` : ''),
          el('td', {}, rule.justification),
        ),
      );
    }
    table.append(body);
  }
  return table;
}

function groupsTable(plan: Plan, grouping: Grouping, labelledBy: string): HTMLTableElement {
  const hosts = new Map(plan.hosts.map((h) => [h.id, h.name]));
  const table = el(
    'table',
    { className: 'portolan-print-table portolan-print-groups' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Group'), el('th', { scope: 'col' }, 'Members'))),
    el(
      'tbody',
      {},
      ...grouping.groups.map((g) =>
        el(
          'tr',
          {},
          el('td', { className: 'portolan-print-mono portolan-print-strong' }, g.name),
          el(
            'td',
            {},
            g.hostIds.map((id) => visibleText(hosts.get(id) ?? id)).join(', '),
            el(
              'span',
              { className: 'portolan-print-mono portolan-print-faint' },
              ` (${g.addresses.map(visibleText).join(', ')})`,
            ),
          ),
        ),
      ),
    ),
  );
  table.setAttribute('aria-labelledby', labelledBy);
  return table;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The title over the diagram and the tables after it, put into the page (hidden but in print). */
export function fillRules(): void {
  clearRules();
  const { plan, includeInternal } = usePlanner.getState();
  const derivation = derive(plan);
  const flows = scopedFlows(derivation, includeInternal);
  const grouping = groupFlows(plan, flows);
  const excluded = derivation.flows.filter(
    (f) => (includeInternal || f.crossesFirewall) && derivation.excluded.has(f.id),
  ).length;

  const title = el(
    'div',
    { className: `${PRINTED} portolan-print-title` },
    el('h1', {}, visibleText(plan.name) || 'Untitled plan'),
    el('p', {}, `Trustwave SEG ${plan.productVersion}`),
    // A large plan draws only the cards in view (and so prints only them): say so, and where the
    // whole diagram is.
    document.querySelector('[data-culled]')
      ? el(
          'p',
          { className: 'portolan-print-partial' },
          `This plan has ${count(plan.hosts.length, 'host')}: the diagram below shows the cards in view on ` +
            'screen. Export → PDF or Diagram (SVG) draws all of them.',
        )
      : undefined,
  );

  const rulesId = 'portolan-print-rules-heading';
  const groupsId = 'portolan-print-groups-heading';
  const summary =
    `${count(flows.length, 'flow')} in the change request` +
    (includeInternal ? ' (flows inside a zone included)' : ' (firewall-crossing flows)') +
    (excluded ? `, ${count(excluded, 'excluded flow')} left out` : '') +
    `: ${count(grouping.rules.length, 'rule')} over ${count(grouping.groups.length, 'address group')}.`;
  const rules = el(
    'section',
    { className: `${PRINTED} portolan-print-rules` },
    el('h2', { id: rulesId }, 'Grouped rules'),
    el('p', {}, summary),
    grouping.rules.length > 0
      ? rulesTable(plan, grouping, rulesId)
      : el('p', {}, 'No rules yet. Add at least two components that talk to each other.'),
    grouping.groups.length > 0 && el('h2', { id: groupsId }, 'Address groups'),
    grouping.groups.length > 0 && groupsTable(plan, grouping, groupsId),
  );
  rules.setAttribute('aria-labelledby', rulesId);

  // Not the hidden attribute: Tailwind's base layer hides [hidden] with !important, which no
  // stylesheet outside a layer can undo. print.css shows them.
  for (const part of [title, rules]) part.style.display = 'none';
  document.body.prepend(title);
  document.body.append(rules);
}

export function clearRules(): void {
  for (const part of document.querySelectorAll(`body > .${PRINTED}`)) part.remove();
}
