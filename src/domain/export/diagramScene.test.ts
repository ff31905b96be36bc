import { describe, expect, it } from 'vitest';
import { deriveFlows } from '../engine';
import { ENTERPRISE, type Plan } from '../plan';
import { diagramScene } from './diagramScene';
import { planDiagramSvg } from './diagramSvg';

const enterprise = (): Plan => structuredClone(ENTERPRISE);
const input = (plan: Plan, expanded?: string[]) => ({
  plan,
  derivation: deriveFlows(plan),
  scope: { includeInternal: false },
  date: new Date('2026-12-05T12:00:00Z'),
  ...(expanded ? { view: { stacks: { expanded } } } : {}),
});

describe('the diagram exports draw the picture the canvas shows', () => {
  it('host by host: one card per host', () => {
    const scene = diagramScene(input(enterprise()));
    expect(scene.hosts).toHaveLength(40);
  });

  it('with similar hosts grouped: the 11 cards and 13 arrows of the canvas, each card where its first host is', () => {
    const plan = enterprise();
    const scene = diagramScene(input(plan, []));
    expect(scene.hosts).toHaveLength(11);
    expect(scene.edges).toHaveLength(13);
    const nodes = scene.hosts.find((h) => h.id === 'seg-node01')!;
    expect(nodes.name).toBe('8 × Processing node');
    expect(nodes.roles).toBe(
      'SEG-NODE01, SEG-NODE02, SEG-NODE03, SEG-NODE04, SEG-NODE05, SEG-NODE06, SEG-NODE07, SEG-NODE08',
    );
    expect(nodes.address).toBe('8 hosts');
    const first = plan.hosts.find((h) => h.id === 'seg-node01')!;
    expect({ x: nodes.rect.x, y: nodes.rect.y }).toEqual(first.position);
    // The arrow from the nodes to the mail servers carries rule 5, as on the canvas.
    const mail = scene.edges.find((e) => e.source === 'seg-node01' && e.label.startsWith('#5:'));
    expect(mail?.label).toMatch(/^#5: tcp\/25/);
  });

  it('an opened stack is drawn host by host', () => {
    const plan = enterprise();
    const key = `${encodeURIComponent(plan.hosts.find((h) => h.id === 'seg-node01')!.zone!)}|processing-node`;
    expect(diagramScene(input(plan, [key])).hosts).toHaveLength(18);
  });

  it('the SVG holds the stacked cards and no more arrows than the canvas draws', () => {
    const svg = planDiagramSvg(input(enterprise(), []));
    expect(svg).toContain('8 × Processing node');
    expect(svg.match(/<polyline class="flow /g)).toHaveLength(13);
  });
});
