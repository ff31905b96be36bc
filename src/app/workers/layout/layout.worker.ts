import ELK from 'elkjs/lib/elk.bundled.js';
import type { LayoutNode } from '../../../domain/diagram';
import type { LayoutReply, LayoutRequest } from './protocol';

/**
 * Runs ELK off the main thread: one graph in, the laid-out graph (or a message saying why not)
 * out. ELK's layered algorithm takes up to a second on a large plan, far too long for a frame.
 */
const elk = new ELK();
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage: (reply: LayoutReply) => void;
};

// elk.bundled.js, loaded in a worker, claims `onmessage` for a protocol of its own when it loads;
// assigning here (after the import ran) hands the messages back to this module.
scope.onmessage = (event) => {
  const { id, graph } = event.data;
  elk.layout<LayoutNode>(graph).then(
    (result) => scope.postMessage({ id, ok: true, graph: result }),
    (error: unknown) =>
      scope.postMessage({
        id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      }),
  );
};
