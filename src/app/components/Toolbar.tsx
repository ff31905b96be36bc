import { useRef } from 'react';
import { EXAMPLES, PRODUCT_RELEASES, loadExample, productName, type Plan } from '../../domain';
import { importPlanFile } from '../lib/files';
import { ACTIONS, actionTitle, run, type Action } from '../actions';
import { isPlanEmpty, newPlan } from '../commands';
import { setThemePreference, useTheme, type ThemePreference } from '../lib/theme';
import { usePlanner } from '../store';
import { confirmAction } from './DialogHost';
import { ExportButtons } from './ExportButtons';
import { Icon, type IconName } from './Icon';
import { Menu } from './Menu';
import { ShareButton } from './ShareButton';
import { Button } from './ui';
import { useDraft } from './useDraft';

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

function PlanName() {
  const name = usePlanner((s) => s.plan.name);
  const [draft, setDraft] = useDraft(name);
  const empty = draft.trim() === '';
  return (
    <input
      aria-label="Plan name"
      aria-invalid={empty}
      title={empty ? 'The plan needs a name' : undefined}
      value={draft}
      maxLength={120}
      onChange={(e) => {
        setDraft(e.target.value);
        const value = e.target.value.trim();
        const { plan, commit } = usePlanner.getState();
        if (value) commit({ ...plan, name: value }, { mergeKey: 'plan-name' });
      }}
      onBlur={() => setDraft(name)}
      className="w-44 min-w-20 shrink rounded-md border border-transparent bg-transparent px-2 py-1 text-sm font-semibold text-slate-900 hover:border-slate-300 focus:border-teal-600 focus:bg-white focus:outline-none aria-[invalid=true]:border-red-500 dark:text-slate-100 dark:hover:border-slate-700 dark:focus:bg-slate-900"
    />
  );
}

const PRODUCTS = [...new Set(PRODUCT_RELEASES.map((r) => r.product))];

function VersionSelect() {
  const version = usePlanner((s) => s.plan.productVersion);
  const known = PRODUCT_RELEASES.some((r) => r.version === version);
  return (
    <div className="flex items-center gap-2">
      <label
        htmlFor="product-version"
        className="sr-only text-xs font-semibold whitespace-nowrap text-slate-600 min-[1600px]:not-sr-only min-[1600px]:whitespace-nowrap dark:text-slate-300"
      >
        Product version
      </label>
      <select
        id="product-version"
        value={version}
        onChange={(e) => {
          const { plan, commit } = usePlanner.getState();
          commit({ ...plan, productVersion: e.target.value });
        }}
        className="w-32 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
      >
        {!known && <option value={version}>{`${productName(version)} ${version}`}</option>}
        {PRODUCTS.map((product) => (
          <optgroup key={product} label={product}>
            {PRODUCT_RELEASES.filter((r) => r.product === product).map((r) => (
              <option key={r.version} value={r.version}>
                {`${r.product === 'Trustwave SEG' ? 'SEG' : 'MailMarshal'} ${r.version}`}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

function ThemeSelect() {
  const { preference } = useTheme();
  return (
    <select
      aria-label="Theme"
      value={preference}
      onChange={(e) => setThemePreference(e.target.value as ThemePreference)}
      className="w-24 rounded-md border border-slate-300 bg-white px-1.5 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <option value="system">System</option>
      <option value="light">Light</option>
      <option value="dark">Dark</option>
    </select>
  );
}

function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button
        onClick={() => input.current?.click()}
        aria-label="Import plan"
        title="Import plan: open a .portolan.json file (or drop one on the page)"
      >
        <Icon name="upload" />
        Import
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

/** A toolbar button for an action: its label, its keys in the tooltip, enabled as the action says. */
function ActionButton({ action, icon, text }: { action: Action; icon: IconName; text?: string }) {
  const enabled = usePlanner((s) => action.enabled?.(s) ?? true);
  const busy = usePlanner((s) => action === ACTIONS.tidyLayout && s.layoutBusy);
  return (
    <Button
      variant="ghost"
      onClick={() => run(action)}
      disabled={!enabled}
      aria-busy={busy}
      aria-label={action.label}
      title={actionTitle(action)}
    >
      <Icon name={icon} />
      {text}
    </Button>
  );
}

export function Toolbar() {
  return (
    <header className="flex h-13 shrink-0 items-center gap-2 border-b border-slate-200 bg-white px-3 dark:border-slate-800 dark:bg-slate-950">
      <div className="flex shrink-0 items-center gap-2">
        <img src="/favicon.svg" alt="" className="size-6" />
        <h1 className="text-base font-bold tracking-tight text-slate-900 dark:text-slate-50">Portolan</h1>
      </div>
      <div className="h-6 border-l border-slate-200 dark:border-slate-800" />
      <PlanName />
      <VersionSelect />
      <div className="h-6 border-l border-slate-200 dark:border-slate-800" />
      <div className="flex items-center gap-0.5" role="group" aria-label="History">
        <ActionButton action={ACTIONS.undo} icon="undo" />
        <ActionButton action={ACTIONS.redo} icon="redo" />
      </div>
      <ActionButton action={ACTIONS.tidyLayout} icon="layout" text="Tidy" />
      <div className="ml-auto flex shrink-0 items-center gap-1.5">
        <Button
          onClick={() => void replaceWith('Start a new plan?', () => newPlan())}
          aria-label="New plan"
          title="New plan"
        >
          <Icon name="plus" />
          New
        </Button>
        <Menu
          label="Examples"
          items={EXAMPLES.map((e) => ({
            label: e.label,
            onSelect: () => void replaceWith(`Open the example "${e.label}"?`, () => loadExample(e.id)),
          }))}
        />
        <ImportButton />
        <div className="mx-1 h-6 border-l border-slate-200 dark:border-slate-800" />
        <ExportButtons />
        <ShareButton />
        <div className="mx-1 h-6 border-l border-slate-200 dark:border-slate-800" />
        <ThemeSelect />
      </div>
    </header>
  );
}
