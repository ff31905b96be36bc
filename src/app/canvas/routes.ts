import { useEffect, useRef, useState } from 'react';
import { hostCentre, hostPosition, type Plan } from '../../domain';
import type { Route, Routes } from './FlowEdge';
import type { RoutedArrow, RoutesReply, RoutesRequest } from '../workers/routes';

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
    const w = new Worker(new URL('../workers/routes/routes.worker.ts', import.meta.url), {
      type: 'module',
      name: 'routes',
    });
    w.onmessage = (event: MessageEvent<RoutesReply>) => {
      waiting.get(event.data.id)?.(event.data);
      waiting.delete(event.data.id);
    };
    w.onerror = (event) => {
      // Without the worker the arrows stay straight: still true, only less tidy. Whoever waits
      // hears so, and nothing stays busy.
      event.preventDefault();
      unavailable = true;
      w.terminate();
      worker = undefined;
      for (const [id, answer] of waiting)
        answer({ id, ok: false, message: event.message || 'the worker stopped' });
      waiting.clear();
    };
    worker = w;
  } catch {
    unavailable = true;
  }
  return worker;
}

/**
 * The routes for `plan`, or the latest ones known while they are being computed (`pending`).
 * One request is in flight at a time: edits made meanwhile (typing a name at 300 hosts) do not
 * queue up; when the answer comes, only the plan open by then is routed next. A failed request
 * counts as answered (earlier routes stay), so the canvas never stays busy.
 */
export function useRoutes(
  plan: Plan,
  grouped?: { expanded: readonly string[]; includeInternal: boolean },
): { routes: Routes; pending: boolean } {
  // What is routed besides the plan: host by host, or the stacked view with its opened stacks.
  const view = grouped ? `grouped ${grouped.includeInternal} ${grouped.expanded.join('\u0000')}` : '';
  const [known, setKnown] = useState<{ plan: Plan; view: string; routes: Routes }>({
    plan,
    view,
    routes: EMPTY,
  });
  const inFlight = useRef(false);
  useEffect(() => {
    if (known.plan === plan && known.view === view && known.routes !== EMPTY) return;
    if (inFlight.current) return;
    const w = getWorker();
    // No worker: the straight arrows are final (see `pending`).
    if (!w) return;
    const id = nextId++;
    inFlight.current = true;
    waiting.set(id, (reply) => {
      inFlight.current = false;
      // A new state even when it failed: the effect then routes whatever plan is open now.
      setKnown((k) => ({ plan, view, routes: reply.ok ? toRoutes(plan, reply.routes) : k.routes }));
    });
    const request: RoutesRequest = grouped
      ? {
          id,
          plan,
          view: { stacks: { expanded: grouped.expanded } },
          scope: { includeInternal: grouped.includeInternal },
        }
      : { id, plan };
    w.postMessage(request);
    // `grouped` is read through `view`, which says all of it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [plan, view, known]);
  return { routes: known.routes, pending: (known.plan !== plan || known.view !== view) && !unavailable };
}
