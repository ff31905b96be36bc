import { Component, Suspense, type ReactNode } from 'react';
import { usePlanner } from '../state';

/** One notice however many parts fail (the arrows and their heads share one file). */
let told = false;

/**
 * Around a part of the page whose code loads on demand (the arrows, a menu, the zoom controls): if
 * its code cannot load (the network went, or a newer version replaced the files), that part is
 * left out and the person is told to reload, instead of React blanking the whole page.
 */
export class LoadBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    console.error(error);
    if (told) return;
    told = true;
    usePlanner.getState().notify({
      tone: 'error',
      title: 'Part of Portolan could not load.',
      detail: 'Reload the page to try again. Your plan is saved in this browser.',
      actions: [{ label: 'Reload', run: () => location.reload() }],
    });
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

/** A part whose code loads on demand: nothing while it loads, left out (and said) if it cannot. */
export function OnDemand({ children }: { children: ReactNode }) {
  return (
    <LoadBoundary>
      <Suspense fallback={null}>{children}</Suspense>
    </LoadBoundary>
  );
}
