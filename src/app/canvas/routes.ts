import { hostCentre, type Flow, type Plan } from '../../domain';
import { buildScene } from '../../domain/diagram/scene';
import type { Route, Routes } from './FlowEdge';
import { pairsOf } from './graph';

const cache = new WeakMap<Plan, { flows: readonly Flow[]; routes: Routes }>();

/**
 * The routed arrows of the committed plan, once per plan and flows: the scene the PDF and the
 * diagram files draw, so the canvas shows what they show.
 */
export function routesFor(plan: Plan, flows: readonly Flow[]): Routes {
  const hit = cache.get(plan);
  if (hit && hit.flows === flows) return hit.routes;
  const scene = buildScene(plan, pairsOf(flows));
  const centres = new Map(scene.hosts.map((h) => [h.id, hostCentre({ x: h.rect.x, y: h.rect.y })]));
  const routes = new Map<string, Route>();
  for (const e of scene.edges) {
    routes.set(e.id, {
      points: e.points,
      ...(e.labelAt ? { labelAt: e.labelAt } : {}),
      source: centres.get(e.source)!,
      target: centres.get(e.target)!,
    });
  }
  cache.set(plan, { flows, routes });
  return routes;
}
