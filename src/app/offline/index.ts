import { usePlanner } from '../state';

/**
 * Installs the service worker (src/app/offline/service-worker.js), so the planner opens and works
 * with the network off once it has been opened, and says when a new version is ready: "Reload"
 * lets it take over, then the page reloads on it (the plan is saved in the browser). Not in
 * development, where files change under the server all the time.
 */
export function startOffline(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  const sw = navigator.serviceWorker;
  // A first install takes over a page no worker served: no reason to reload that one.
  const served = !!sw.controller;
  let reloading = false;
  sw.addEventListener('controllerchange', () => {
    if (!served || reloading) return;
    reloading = true;
    location.reload();
  });
  const tell = (waiting: ServiceWorker) =>
    usePlanner.getState().notify({
      tone: 'info',
      title: 'A new version of Portolan is ready.',
      detail: 'Reload to use it. Your plan is saved in this browser.',
      persist: true,
      actions: [{ label: 'Reload', run: () => waiting.postMessage('take-over') }],
    });
  sw.register('/sw.js').then(
    (registration) => {
      if (registration.waiting && sw.controller) tell(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const installing = registration.installing;
        installing?.addEventListener('statechange', () => {
          if (installing.state === 'installed' && sw.controller) tell(installing);
        });
      });
    },
    (e: unknown) => console.warn('Portolan will not work offline: its service worker could not start.', e),
  );
}
