import type { Scene, SceneEdge } from '../diagram';
import { visibleText } from '../text';
import type { DiagramMeta } from './diagramSvg';

/*
 * What the diagram's legend says, below its zone swatches: one list for the SVG and the PNG, which
 * each draw it in their own way (diagramSvg.ts, diagramCanvas.ts).
 */

export type LegendLook = Pick<SceneEdge, 'crossesFirewall' | 'change' | 'partlyRemoved'>;

/** How a line of words reads: as a sample's words, a warning, the plan's name, or the source. */
export type LegendTone = 'plain' | 'warning' | 'plan' | 'source';

export type LegendRow =
  /** An arrow drawn as it looks on the diagram, and what it means. */
  | { kind: 'sample'; look: LegendLook; words: string }
  /** `about`: the plan's name, version and date, each to be written as the renderer writes plan text. */
  | { kind: 'line'; words: string; tone: LegendTone; about?: readonly string[] }
  /** Extra room before the next row, in px. */
  | { kind: 'gap'; by: number };

export function legendRows(scene: Scene, meta: DiagramMeta): LegendRow[] {
  const rows: LegendRow[] = [
    {
      kind: 'sample',
      look: { crossesFirewall: true },
      words: 'Crosses a firewall: the hosts are in different zones, or one is in no zone',
    },
    { kind: 'sample', look: { crossesFirewall: false }, words: 'Stays inside one zone' },
  ];
  if (meta.upgrade) {
    const { from, to } = meta.upgrade;
    rows.push(
      {
        kind: 'sample',
        look: { crossesFirewall: true, change: 'remove' },
        words: `To remove after the upgrade: needed by ${from}, not by ${to} (marked \u2212)`,
      },
      {
        kind: 'sample',
        look: { crossesFirewall: true, change: 'mixed', partlyRemoved: true },
        words: 'Rose dashes over an arrow: some of its services go (marked \u2212)',
      },
      {
        kind: 'sample',
        look: { crossesFirewall: true, change: 'keep' },
        words: `Unchanged by the upgrade from ${from}`,
      },
      {
        kind: 'line',
        tone: 'plain',
        words: `Services marked + are new in ${to}: open them before the upgrade.`,
      },
    );
  }
  rows.push({
    kind: 'line',
    tone: 'plain',
    words:
      'Each arrow points from the host that opens the connections to the host that accepts them; its label lists the services (protocol/port).',
  });
  if (scene.unlabelled > 0) {
    const n = scene.unlabelled;
    const m = scene.edges.length;
    rows.push({
      kind: 'line',
      tone: 'warning',
      words: `Labels omitted for ${n} of ${m} arrow${m === 1 ? '' : 's'}, where there was no room for them; the flow table and the change request list every service.`,
    });
  }
  const about = [meta.planName, meta.productVersion, meta.date].filter((s): s is string => !!s);
  rows.push(
    { kind: 'gap', by: 4 },
    { kind: 'line', tone: 'plan', words: `Plan: ${about.map(visibleText).join(' · ')}`, about },
    {
      kind: 'line',
      tone: 'source',
      words: 'Source of the port requirements: Trustwave knowledge-base article 10905.',
    },
  );
  return rows;
}
