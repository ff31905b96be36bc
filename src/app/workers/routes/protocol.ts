import type { Plan, Point } from '../../../domain';
import type { DiagramView, RequestScope } from '../../../domain/export';

/** Messages between the canvas and its routing worker (routes.worker.ts). */
export interface RoutesRequest {
  id: number;
  plan: Plan;
  /** With similar hosts grouped: the stacks' cards and the grouped rules (in `scope`) are routed. */
  view?: DiagramView;
  scope?: RequestScope;
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
