import { buildScene } from '../../../domain/diagram';
import { diagramPairs } from '../../../domain/upgrade';
import type { RoutesReply, RoutesRequest } from './protocol';

/**
 * Routes the canvas's arrows off the main thread: a plan in, each arrow's routed line and label
 * place out. Routing a few hundred hosts takes a quarter of a second, too long to hold up an edit.
 */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<RoutesRequest>) => void) | null;
  postMessage: (reply: RoutesReply) => void;
};

scope.onmessage = (event) => {
  const { id, plan } = event.data;
  try {
    const scene = buildScene(plan, diagramPairs(plan));
    scope.postMessage({
      id,
      ok: true,
      routes: scene.edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        points: e.points,
        ...(e.labelAt ? { labelAt: e.labelAt } : {}),
      })),
    });
  } catch (e) {
    scope.postMessage({ id, ok: false, message: e instanceof Error ? e.message : String(e) });
  }
};
