import type { Plan, Point } from '../../../domain';

/** Messages between the canvas and its routing worker (routes.worker.ts). */
export interface RoutesRequest {
  id: number;
  plan: Plan;
}

export interface RoutedArrow {
  /** The pair key of the arrow's flows. */
  id: string;
  source: string;
  target: string;
  points: Point[];
  labelAt?: Point;
}

export type RoutesReply =
  { id: number; ok: true; routes: RoutedArrow[] } | { id: number; ok: false; message: string };
