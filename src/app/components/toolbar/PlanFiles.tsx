import { useRef } from 'react';
import { EXAMPLES, loadExample, type Plan } from '../../../domain';
import { isPlanEmpty, run } from '../../commands';
import { importPlanFile } from '../../io';
import { usePlanner } from '../../state';
import { confirmAction, openImportHosts } from '../confirm';
import { Icon } from '../../ui';
import { Menu } from '../Menu';
import { Button } from '../../ui';

/** Opening another plan replaces this one: asked first unless nothing would be lost. */
async function replaceWith(title: string, make: () => Plan | void | Promise<Plan>) {
  const { plan } = usePlanner.getState();
  if (!isPlanEmpty(plan)) {
    const ok = await confirmAction(
      title,
      `The current plan "${plan.name}" will be replaced. You can bring it back with Undo.`,
      'Replace plan',
    );
    if (!ok) return;
  }
  const next = await make();
  if (next) usePlanner.getState().replacePlan(structuredClone(next));
}

function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button
        onClick={() => input.current?.click()}
        aria-label="Import plan"
        className="h-8.5 max-xl:px-2"
        title="Import plan: open a .portolan.json file (or drop one on the page)"
      >
        <Icon name="upload" />
        {/* Below 1440 px the icons alone say it (with their names and tooltips): the bar keeps its room. */}
        <span className="max-[1439px]:hidden">Import</span>
      </Button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="hidden"
        aria-hidden="true"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importPlanFile(file);
        }}
      />
    </>
  );
}

/** New plan, the examples and Import: the ways to open another plan. */
export function PlanFiles() {
  return (
    <>
      <Button
        onClick={() => void replaceWith('Start a new plan?', () => void run('newPlan'))}
        aria-label="New plan"
        className="h-8.5 max-xl:px-2"
        title="New plan"
      >
        <Icon name="plus" />
        <span className="max-[1439px]:hidden">New</span>
      </Button>
      <Menu
        label="Examples"
        items={EXAMPLES.map((e) => ({
          label: e.label,
          onSelect: () => void replaceWith(`Open the example "${e.label}"?`, () => loadExample(e.id)),
        }))}
      />
      <ImportButton />
      <Button
        onClick={openImportHosts}
        aria-label="Import hosts"
        className="h-8.5 max-xl:px-2"
        title="Import hosts: add hosts from a CSV file or rows pasted from a spreadsheet"
      >
        <Icon name="table" />
        <span className="max-[1439px]:hidden">Hosts</span>
      </Button>
    </>
  );
}
