import type { DiagramView, ExportResult, RequestScope } from '../../../domain/export';
import type { Plan } from '../../../domain/plan';
import type { ExportReply, ExportRequest } from './protocol';

/*
 * The export worker (export.worker.ts) seen from the page: one worker, started on the first
 * export and kept for the next; Cancel stops it, and the next export starts a fresh one.
 */

/** Why an export promise fails when the person cancelled it. */
export class ExportCancelled extends Error {
  constructor() {
    super('The export was cancelled.');
  }
}

/**
 * Why an export promise fails when the worker cannot build that format in this browser (the PNG
 * where workers have no OffscreenCanvas): the page may build it another way.
 */
export class ExportUnsupported extends Error {}

interface Pending {
  resolve: (result: ExportResult) => void;
  reject: (error: Error) => void;
  progress?: (share: number) => void;
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function stop(error: () => Error) {
  worker?.terminate();
  worker = undefined;
  for (const p of pending.values()) p.reject(error());
  pending.clear();
}

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: 'export' });
  w.onmessage = (event: MessageEvent<ExportReply>) => {
    const reply = event.data;
    const p = pending.get(reply.id);
    if (!p) return;
    if ('progress' in reply) return p.progress?.(reply.progress);
    pending.delete(reply.id);
    if (reply.ok) p.resolve(reply.result);
    else p.reject(reply.unsupported ? new ExportUnsupported(reply.message) : new Error(reply.message));
  };
  w.onerror = (event) => {
    event.preventDefault();
    stop(() => new Error(`The export stopped: ${event.message || 'its code could not be loaded'}.`));
  };
  w.onmessageerror = () => stop(() => new Error('The export sent a file that could not be read.'));
  worker = w;
  return w;
}

export interface ExportJob {
  result: Promise<ExportResult>;
  /** Stops the build; `result` then fails with ExportCancelled. */
  cancel: () => void;
}

/** Builds one format's file off the main thread. */
export function buildInWorker(request: {
  format: string;
  plan: Plan;
  scope: RequestScope;
  view?: DiagramView;
  date: Date;
  /** Told how far the build is (a share from 0 to 1) while it runs, for a progress bar. */
  progress?: (share: number) => void;
}): ExportJob {
  const id = nextId++;
  const result = new Promise<ExportResult>((resolve, reject) => {
    let w: Worker;
    try {
      w = getWorker();
    } catch (e) {
      reject(new Error(`The export could not start: ${e instanceof Error ? e.message : String(e)}`));
      return;
    }
    pending.set(id, { resolve, reject, ...(request.progress ? { progress: request.progress } : {}) });
    const message: ExportRequest = {
      id,
      format: request.format,
      plan: request.plan,
      scope: request.scope,
      date: request.date.getTime(),
      ...(request.view ? { view: request.view } : {}),
    };
    w.postMessage(message);
  });
  return {
    result,
    cancel: () => {
      if (pending.has(id)) stop(() => new ExportCancelled());
    },
  };
}
