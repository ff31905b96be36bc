import { useEffect, useState } from 'react';
import { hostCentre, hostPosition, type Plan } from '../../domain';
import type { Route, Routes } from './FlowEdge';
import type { RoutedArrow, RoutesReply, RoutesRequest } from './routesProtocol';

/**
 * The canvas's routed arrows: the same scene the PDF and the diagram files draw, so the canvas
 * shows what they show. Routing runs in a worker; until its answer for the current plan arrives,
 * arrows whose cards have not moved keep their earlier routes and the others are drawn straight
 * (FlowEdge checks each route against the cards' centres), as during a drag.
 */

const EMPTY: Routes = new Map();

function toRoutes(plan: Plan, arrows: readonly RoutedArrow[]): Routes {
  const centres = new Map(plan.hosts.map((h, i) => [h.id, hostCentre(hostPosition(h, i))]));
  const routes = new Map<string, Route>();
  for (const { id, source, target, points, labelAt } of arrows) {
    const from = centres.get(source);
    const to = centres.get(target);
    if (from && to) routes.set(id, { points, ...(labelAt ? { labelAt } : {}), source: from, target: to });
  }
  return routes;
}

type Answer = (reply: RoutesReply) => void;
let worker: Worker | undefined;
let unavailable = false;
let nextId = 1;
const waiting = new Map<number, Answer>();

function getWorker(): Worker | undefined {
  if (worker || unavailable) return worker;
  try {
    const w = new Worker(new URL('./routes.worker.ts', import.meta.url), { type: 'module', name: 'routes' });
    w.onmessage = (event: MessageEvent<RoutesReply>) => {
      waiting.get(event.data.id)?.(event.data);
      waiting.delete(event.data.id);
    };
    w.onerror = (event) => {
      // Without the worker the arrows stay straight: still true, only less tidy.
      event.preventDefault();
      unavailable = true;
      w.terminate();
      worker = undefined;
      waiting.clear();
    };
    worker = w;
  } catch {
    unavailable = true;
  }
  return worker;
}

/**
 * The routes for `plan`, or the latest ones known while they are being computed (`pending`);
 * never pending where routing is unavailable, as the straight arrows are then final.
 */
export function useRoutes(plan: Plan): { routes: Routes; pending: boolean } {
  const [known, setKnown] = useState<{ plan: Plan; routes: Routes }>({ plan, routes: EMPTY });
  useEffect(() => {
    if (known.plan === plan && known.routes !== EMPTY) return;
    const w = getWorker();
    if (!w) return;
    const id = nextId++;
    let current = true;
    waiting.set(id, (reply) => {
      if (current && reply.ok) setKnown({ plan, routes: toRoutes(plan, reply.routes) });
    });
    const request: RoutesRequest = { id, plan };
    w.postMessage(request);
    return () => {
      // A newer plan came first: its answer is the one wanted.
      current = false;
    };
  }, [plan, known]);
  return { routes: known.routes, pending: known.plan !== plan && !unavailable };
}
