import { EXAMPLES, loadExample } from '../../domain';
import { openImportHosts } from '../components';
import { usePlanner } from '../state';
import { Button, Icon } from '../ui';

/** Puts the keyboard on the palette's first component, where adding starts. */
function toPalette() {
  document.querySelector<HTMLButtonElement>('nav[aria-label="Components"] button')?.focus();
}

/**
 * What an empty canvas says: the three ways to start a plan, each a button. It loads only for an
 * empty plan (see Canvas). Only its buttons take the pointer: a component dragged from the palette
 * drops on the canvas beneath the rest of it.
 */
export function EmptyCanvas() {
  return (
    <section
      aria-labelledby="empty-canvas-title"
      className="pointer-events-none w-[30rem] max-w-[90%] rounded-lg border border-slate-200 bg-white/95 p-5 text-slate-800 shadow-md dark:border-slate-700 dark:bg-slate-900/95 dark:text-slate-100"
    >
      <h2 id="empty-canvas-title" className="text-base font-semibold">
        Start a plan
      </h2>
      <ol className="mt-3 space-y-3 text-sm">
        <li>
          <p>Drag a component from the left onto the canvas, or press one to add it.</p>
          <Button className="pointer-events-auto mt-1" onClick={toPalette}>
            <Icon name="plus" />
            Add a component
          </Button>
        </li>
        <li>
          <p>Open an example deployment and change it to fit yours.</p>
          <div className="pointer-events-auto mt-1 flex flex-wrap gap-1.5">
            {EXAMPLES.slice(0, 3).map((e) => (
              <Button
                key={e.id}
                onClick={() =>
                  void loadExample(e.id).then((plan) =>
                    usePlanner.getState().replacePlan(structuredClone(plan)),
                  )
                }
              >
                <Icon name="book" />
                {e.label.replace(/ \(10\.0\)$/, '')}
              </Button>
            ))}
          </div>
        </li>
        <li>
          <p>Bring in the hosts you keep in a spreadsheet.</p>
          <Button className="pointer-events-auto mt-1" onClick={openImportHosts}>
            <Icon name="table" />
            Import hosts from a spreadsheet
          </Button>
        </li>
      </ol>
    </section>
  );
}
