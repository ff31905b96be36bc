/**
 * Group names must work as object names on common firewalls: Cisco ASA and FortiGate, Palo Alto and
 * Check Point all accept letters, digits, `-` and `_`, and the tightest common length is 31.
 */
export const GROUP_NAME_MAX = 31;
const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** Why `name` cannot be a group name, or undefined when it can. */
export function validGroupName(name: string): string | undefined {
  if (name.length === 0) return '"" is not a valid group name: it is empty';
  if (name.length > GROUP_NAME_MAX) {
    return `"${name.slice(0, 40)}" is not a valid group name: it is longer than ${GROUP_NAME_MAX} characters`;
  }
  if (!NAME_RE.test(name)) {
    // A leading "-" reads as an option on firewall command lines and as a formula in spreadsheets.
    return `"${name}" is not a valid group name: use letters, digits, "-" and "_", starting with a letter or digit`;
  }
  return undefined;
}
