import type { LayoutNode } from '../../../domain/diagram';

/** Messages between the page and the layout worker. */
export interface LayoutRequest {
  id: number;
  graph: LayoutNode;
}

export type LayoutReply =
  { id: number; ok: true; graph: LayoutNode } | { id: number; ok: false; message: string };
