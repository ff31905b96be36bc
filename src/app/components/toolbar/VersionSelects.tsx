import { PRODUCT_RELEASES, productName, versionLabel } from '../../../domain';
import { run } from '../../commands';
import { usePlanner } from '../../state';

const PRODUCTS = [...new Set(PRODUCT_RELEASES.map((r) => r.product))];

// Each as wide as the version it shows, so the bar spends no room on blank.
const selectClass =
  'field-sizing-content h-8.5 shrink-0 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900';
const labelClass = 'text-xs font-semibold whitespace-nowrap text-slate-600 dark:text-slate-300';

/** Every version the catalog knows, by product; `extra` is a version the plan holds that it does not. */
function VersionOptions({ extra, disabled }: { extra?: string; disabled?: string }) {
  return (
    <>
      {extra !== undefined && !PRODUCT_RELEASES.some((r) => r.version === extra) && (
        <option value={extra}>{`${productName(extra)} ${extra}`}</option>
      )}
      {PRODUCTS.map((product) => (
        <optgroup key={product} label={product}>
          {PRODUCT_RELEASES.filter((r) => r.product === product).map((r) => (
            <option key={r.version} value={r.version} disabled={r.version === disabled}>
              {versionLabel(r.version)}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

/**
 * The plan's product version, and the version it is upgraded from: with one set, the canvas, the
 * flow table and the exports show what the upgrade changes.
 */
export function VersionSelects() {
  const version = usePlanner((s) => s.plan.productVersion);
  const from = usePlanner((s) => s.plan.upgradeFrom);
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="product-version" className={`sr-only min-[1600px]:not-sr-only ${labelClass}`}>
        Product version
      </label>
      <select
        id="product-version"
        value={version}
        onChange={(e) => run('changeProductVersion', { version: e.target.value })}
        className={selectClass}
      >
        <VersionOptions extra={version} />
      </select>
      {/* "From" below 1280 px; the field keeps its name. */}
      <label htmlFor="upgrade-from" className={labelClass}>
        <span className="max-xl:hidden">Upgrade from</span>
        <span className="xl:hidden">From</span>
      </label>
      <select
        id="upgrade-from"
        aria-label="Upgrade from"
        value={from ?? ''}
        onChange={(e) => run('compareWith', { from: e.target.value || undefined })}
        title="Compare with the version run now: what to open before the upgrade, what to close after it"
        className={`${selectClass} ${from ? 'border-teal-600 bg-teal-50 dark:border-teal-400 dark:bg-teal-950' : ''}`}
      >
        <option value="" aria-label="No comparison">
          —
        </option>
        {/* The plan's own version is no comparison. */}
        <VersionOptions extra={from} disabled={version} />
      </select>
    </div>
  );
}
