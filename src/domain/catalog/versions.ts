/**
 * Product versions are "major.minor" strings, compared numerically so that 10.0 sorts after 8.0.
 * A range is half-open: `from` is included, `before` is not; either end may be open.
 */
export type ProductVersion = string;

export interface VersionRange {
  from?: ProductVersion;
  before?: ProductVersion;
}

export const ALL_VERSIONS: VersionRange = {};

const VERSION_RE = /^(\d{1,3})\.(\d{1,3})$/;

export function isProductVersion(v: string): boolean {
  return VERSION_RE.test(v);
}

function parts(v: ProductVersion): [number, number] {
  const m = VERSION_RE.exec(v);
  if (!m) throw new TypeError(`"${v}" is not a major.minor version`);
  return [Number(m[1]), Number(m[2])];
}

export function compareVersions(a: ProductVersion, b: ProductVersion): number {
  const [aMajor, aMinor] = parts(a);
  const [bMajor, bMinor] = parts(b);
  return aMajor - bMajor || aMinor - bMinor;
}

export function inRange(v: ProductVersion, range: VersionRange): boolean {
  if (range.from !== undefined && compareVersions(v, range.from) < 0) return false;
  if (range.before !== undefined && compareVersions(v, range.before) >= 0) return false;
  return true;
}

/** "all versions", "6.5 and later", "before 10.0", "8.0 to before 10.0" */
export function describeRange(range: VersionRange): string {
  if (range.from && range.before) return `${range.from} up to (not including) ${range.before}`;
  if (range.from) return `${range.from} and later`;
  if (range.before) return `before ${range.before}`;
  return 'all versions';
}

export interface ProductRelease {
  version: ProductVersion;
  /** The name the product went by at this version. */
  product: string;
}

/**
 * Versions offered in the planner. The product was MailMarshal SMTP up to 7.x and Trustwave
 * Secure Email Gateway (SEG) from 8.0; there was no 9.x.
 */
export const PRODUCT_RELEASES: readonly ProductRelease[] = [
  { version: '6.0', product: 'MailMarshal SMTP' },
  { version: '6.5', product: 'MailMarshal SMTP' },
  { version: '7.0', product: 'MailMarshal SMTP' },
  { version: '7.1', product: 'MailMarshal SMTP' },
  { version: '8.0', product: 'Trustwave SEG' },
  { version: '10.0', product: 'Trustwave SEG' },
];

export const DEFAULT_PRODUCT_VERSION: ProductVersion = '10.0';

export function productName(v: ProductVersion): string {
  return compareVersions(v, '8.0') >= 0 ? 'Trustwave SEG' : 'MailMarshal SMTP';
}

/** "SEG 10.0", "MailMarshal 7.1": a version as menus and summaries name it. */
export function versionLabel(version: ProductVersion): string {
  return `${productName(version) === 'Trustwave SEG' ? 'SEG' : 'MailMarshal'} ${version}`;
}
