import type { Rect } from './membership';
import type { PairChange } from '../engine';
import type { Point, Size, Trust } from '../plan';

/**
 * The diagram as it is drawn: zones, host cards, and one routed arrow per host pair with its
 * services label. The canvas, the PDF and the SVG/PNG diagram files all draw this one scene, so
 * they always show the same picture.
 */

export type { Rect } from './membership';

export interface SceneZone {
  id: string;
  name: string;
  trust: Trust;
  rect: Rect;
}

export interface SceneHost {
  id: string;
  name: string;
  /** Role labels joined by " · ". */
  roles: string;
  /** The address as shown on the card ("any" for the Internet without one). */
  address?: string;
  rect: Rect;
  zone?: string;
}

export interface SceneEdge {
  /** The pair key of its flows (see pairKey). */
  id: string;
  source: string;
  target: string;
  crossesFirewall: boolean;
  hasReverse: boolean;
  /** Its services, e.g. "tcp/25, tcp/443" ("+tcp/443, −tcp/19001" while an upgrade is compared). */
  label: string;
  /** While an upgrade is compared: what it does to this arrow. */
  change?: PairChange;
  /** Some of its services go with the upgrade (see FlowPair): rose dashes over its line. */
  partlyRemoved?: boolean;
  /** The line from the source card's border to just before the target card's border: two or more points. */
  points: Point[];
  /** Centre of the label, or undefined when there was no free room to place it. */
  labelAt?: Point;
  labelSize: Size;
}

export interface Scene {
  zones: SceneZone[];
  hosts: SceneHost[];
  edges: SceneEdge[];
  /** Everything drawn, labels included. */
  bounds: Rect;
  /** Arrows whose label could not be placed without covering a card or another label. */
  unlabelled: number;
}
