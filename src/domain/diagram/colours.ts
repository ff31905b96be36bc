import type { Trust } from '../plan';

/**
 * The diagram's colours as hex, taken from the canvas's Tailwind classes (light theme), so files
 * drawn outside the browser's CSS (SVG, PNG, PDF) look like the canvas.
 */

export interface TrustColours {
  /** Dashed zone border: border-{colour} in ZoneNode's TRUST_STYLE, at `borderOpacity`. */
  border: string;
  borderOpacity: number;
  /** Zone area: a faint wash of `fill` at `fillOpacity`. */
  fill: string;
  fillOpacity: number;
  /** The trust chip beside the zone's name. */
  chip: string;
  chipText: string;
}

export const TRUST_COLOURS: Record<Trust, TrustColours> = {
  // border-red-400/80 bg-red-500/[0.04]; chip bg-red-100 text-red-800
  untrusted: {
    border: '#f87171',
    borderOpacity: 0.8,
    fill: '#ef4444',
    fillOpacity: 0.04,
    chip: '#fee2e2',
    chipText: '#991b1b',
  },
  // border-amber-400/90 bg-amber-400/[0.06]; chip bg-amber-100 text-amber-900
  dmz: {
    border: '#fbbf24',
    borderOpacity: 0.9,
    fill: '#fbbf24',
    fillOpacity: 0.06,
    chip: '#fef3c7',
    chipText: '#78350f',
  },
  // border-emerald-500/70 bg-emerald-500/[0.04]; chip bg-emerald-100 text-emerald-900
  trusted: {
    border: '#10b981',
    borderOpacity: 0.7,
    fill: '#10b981',
    fillOpacity: 0.04,
    chip: '#d1fae5',
    chipText: '#064e3b',
  },
};

export interface FlowColours {
  /** The line and its arrowhead. */
  line: string;
  labelFill: string;
  labelBorder: string;
  labelText: string;
}

/**
 * Arrows: orange-600 when the flow crosses a firewall, slate-400 (dashed) inside a zone. While an
 * upgrade is compared, arrows whose flows all go are rose-600, dashed, and those that stay as they
 * are fade to KEPT_OPACITY.
 */
export const FLOW_COLOURS: Record<'crossing' | 'internal' | 'removed', FlowColours> = {
  crossing: { line: '#ea580c', labelFill: '#fff7ed', labelBorder: '#fdba74', labelText: '#7c2d12' },
  internal: { line: '#94a3b8', labelFill: '#ffffff', labelBorder: '#e2e8f0', labelText: '#475569' },
  removed: { line: '#e11d48', labelFill: '#fff1f2', labelBorder: '#fda4af', labelText: '#9f1239' },
};

/** The rose dashes over an arrow some of whose services an upgrade removes (stroke-dasharray). */
export const PARTLY_REMOVED_DASH = [3, 9] as const;

/** How strongly an arrow the upgrade leaves unchanged is drawn (the canvas's opacity-35). */
export const KEPT_OPACITY = 0.35;

/** Which colours an arrow takes: removed by an upgrade first, then whether it crosses a firewall. */
export const flowTone = (edge: { crossesFirewall: boolean; change?: string }) =>
  edge.change === 'remove' ? 'removed' : edge.crossesFirewall ? 'crossing' : 'internal';

/** Host cards: white with a slate-300 border; name slate-900, roles slate-600, address slate-500. */
export const CARD_COLOURS = {
  fill: '#ffffff',
  border: '#cbd5e1',
  name: '#0f172a',
  roles: '#475569',
  address: '#64748b',
  /** Zone names (slate-800). */
  heading: '#1e293b',
} as const;
