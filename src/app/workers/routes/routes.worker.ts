import { buildScene } from '../../../domain/diagram';
import { deriveFlows } from '../../../domain/engine';
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

scope.onmessage = (event) => void route(event.data);

async function route({ id, plan, view, scope: request }: RoutesRequest) {
  try {
    // Grouped, the canvas draws the picture the diagram files draw (its code loads when first asked).
    const scene =
      view?.stacks && request
        ? (await import('../../../domain/export/diagramScene')).diagramScene({
            plan,
            derivation: deriveFlows(plan),
            scope: request,
            view,
          })
        : buildScene(plan, diagramPairs(plan));
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
}
