import { describe, expect, it } from 'vitest';
import { bundleArrows, visibleLabels, type ArrowLine } from './BundledFlows';
import type { CanvasEdge } from './graph';

const edge = (id: string): CanvasEdge =>
  ({ id, pair: {}, selected: false, layer: 'rest', ariaLabel: '' }) as unknown as CanvasEdge;

const arrow = (id: string, points: { x: number; y: number }[], look = 'a', extra: Partial<ArrowLine> = {}) =>
  ({
    edge: edge(id),
    points,
    label: points[0],
    lineClass: `line-${look}`,
    headClass: `head-${look}`,
    partlyRemoved: false,
    ...extra,
  }) satisfies ArrowLine;

describe('arrows drawn together', () => {
  it('makes one line path and one head path per look, in the order of each look’s first arrow', () => {
    const { bundles } = bundleArrows([
      arrow('1', [
        { x: 0, y: 0 },
        { x: 100, y: 0 },
      ]),
      arrow(
        '2',
        [
          { x: 0, y: 10 },
          { x: 50.4, y: 10.6 },
          { x: 50, y: 60 },
        ],
        'b',
      ),
      arrow('3', [
        { x: 5, y: 5 },
        { x: 5, y: 105 },
      ]),
    ]);
    expect(bundles.map((b) => [b.lineClass, b.headClass])).toEqual([
      ['line-a', 'head-a'],
      ['line-b', 'head-b'],
    ]);
    // Lines in whole units; each arrow a subpath of its own.
    expect(bundles[0]!.lines.join('')).toBe('M0,0L100,0M5,5L5,105');
    expect(bundles[1]!.lines.join('')).toBe('M0,10L50,11L50,60');
  });

  it('points each head along its line’s last segment, its tip just past the end', () => {
    const { bundles } = bundleArrows([
      arrow('right', [
        { x: 0, y: 0 },
        { x: 100, y: 0 },
      ]),
      arrow('down', [
        { x: 0, y: 0 },
        { x: 0, y: 40 },
        { x: 0, y: 100 },
      ]),
    ]);
    // Tip 1.5 past the end, base 11 behind the tip, 4.5 to each side.
    expect(bundles[0]!.heads).toEqual(['M101.5,0L90.5,4.5L90.5,-4.5Z', 'M0,101.5L-4.5,90.5L4.5,90.5Z']);
  });

  it('draws partly removed arrows again and gives every arrow to the click path', () => {
    const { partlyRemoved, everyLine } = bundleArrows([
      arrow('1', [
        { x: 0, y: 0 },
        { x: 10, y: 0 },
      ]),
      arrow(
        '2',
        [
          { x: 0, y: 20 },
          { x: 10, y: 20 },
        ],
        'a',
        { partlyRemoved: true },
      ),
    ]);
    expect(partlyRemoved).toBe('M0,20L10,20');
    expect(everyLine).toBe('M0,0L10,0M0,20L10,20');
  });

  it('labels only the arrows whose label is in the view, rounded out by a tile', () => {
    const at = (id: string, x: number, y: number) =>
      arrow(id, [
        { x, y },
        { x: x + 10, y },
      ]);
    const arrows = [at('in', 100, 100), at('near', -700, 100), at('far', 5000, 100), at('below', 100, 2500)];
    // Tiles 0,0 to 1,1 (800 units each), one more on each side: -800 to 1600.
    expect(visibleLabels(arrows, '-1,-1,2,2').map((a) => a.edge.id)).toEqual(['in', 'near']);
    // Zoomed out too far for labels: none.
    expect(visibleLabels(arrows, '')).toEqual([]);
  });

  it('draws at most 600 labels at once', () => {
    const many = Array.from({ length: 700 }, (_, i) =>
      arrow(String(i), [
        { x: i, y: 0 },
        { x: i + 1, y: 0 },
      ]),
    );
    expect(visibleLabels(many, '-1,-1,2,2')).toHaveLength(600);
  });
});
