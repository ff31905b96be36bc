/**
 * The tab a key moves to in a tab list of `count` tabs (WAI-ARIA tabs pattern): the arrows go to
 * the previous or next tab, wrapping at the ends; Home and End to the first and last. Undefined
 * for any other key.
 */
export function tabAfterKey(current: number, count: number, key: string): number | undefined {
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count;
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
