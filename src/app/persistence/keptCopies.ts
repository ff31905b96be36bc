/**
 * Saved plans that could not be opened, kept aside in local storage. Each has its own key and
 * none is ever replaced or deleted to make room: past the bound, a new one is simply not kept
 * (and the person is told, and offered it as a file).
 */
export const UNREADABLE_KEY = 'portolan.plan.unreadable';
export const KEEP_UNREADABLE = 5;

const isKeptCopy = (key: string) => key === UNREADABLE_KEY || key.startsWith(`${UNREADABLE_KEY}.`);

/**
 * The key for one more kept copy, given the keys storage holds: UNREADABLE_KEY while it is free
 * (where earlier versions kept their one copy), otherwise that key and the time, made unique.
 * Undefined when KEEP_UNREADABLE copies are kept already.
 */
export function keptCopyKey(keys: Iterable<string>, now: Date): string | undefined {
  const kept = new Set([...keys].filter(isKeptCopy));
  if (kept.size >= KEEP_UNREADABLE) return undefined;
  if (!kept.has(UNREADABLE_KEY)) return UNREADABLE_KEY;
  const dated = `${UNREADABLE_KEY}.${now.toISOString()}`;
  let key = dated;
  for (let n = 2; kept.has(key); n++) key = `${dated}.${n}`;
  return key;
}
