/**
 * Host addresses: an IPv4 or IPv6 address, a CIDR block, a DNS host name, or `any`.
 * `addressProblem` returns null for a good address and otherwise a sentence that names the value.
 */

export type AddressKind = 'any' | 'ipv4' | 'ipv6' | 'cidr' | 'hostname';

const IPV4_OCTET = /^(0|[1-9]\d{0,2})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
const HOST_LABEL = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;

export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => IPV4_OCTET.test(p) && Number(p) <= 255);
}

export function isIPv6(s: string): boolean {
  if (s.length > 45) return false;
  let text = s;
  // An embedded IPv4 tail (::ffff:192.0.2.1) stands for the last two groups.
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (lastColon >= 0 && tail.includes('.')) {
    if (!isIPv4(tail)) return false;
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  if (!groups.every((g) => HEX_GROUP.test(g))) return false;
  return halves.length === 2 ? groups.length <= 7 : groups.length === 8;
}

export function isHostname(s: string): boolean {
  const name = s.endsWith('.') ? s.slice(0, -1) : s;
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.split('.');
  // A name made only of digits and dots would be mistaken for an IPv4 address.
  if (labels.every((l) => /^\d+$/.test(l))) return false;
  return labels.every((l) => HOST_LABEL.test(l));
}

export function addressKind(value: string): AddressKind | null {
  if (value === 'any') return 'any';
  if (value.includes('/')) return addressProblem(value) === null ? 'cidr' : null;
  if (isIPv4(value)) return 'ipv4';
  if (isIPv6(value)) return 'ipv6';
  if (isHostname(value)) return 'hostname';
  return null;
}

export function addressProblem(value: string): string | null {
  if (value.trim() === '') return 'the address is empty (leave it out instead)';
  if (value !== value.trim()) return `"${value}" has spaces around it`;
  if (value === 'any') return null;
  if (/\s/.test(value)) return `"${value}" contains spaces`;

  if (value.includes('/')) {
    const [base = '', prefix = '', ...more] = value.split('/');
    if (more.length > 0) return `${value} is not a CIDR block (more than one "/")`;
    const v4 = isIPv4(base);
    if (!v4 && !isIPv6(base)) {
      return `${value} is not a CIDR block: ${base} is not an IPv4 or IPv6 address`;
    }
    const max = v4 ? 32 : 128;
    if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) {
      return `${value} is not a CIDR block: the prefix length must be a number from 0 to ${max}`;
    }
    return null;
  }
  if (/^[\d.]+$/.test(value)) return isIPv4(value) ? null : `${value} is not an IPv4 address`;
  if (value.includes(':')) return isIPv6(value) ? null : `${value} is not an IPv6 address`;
  if (isHostname(value)) return null;
  return `${value} is not an IP address, CIDR block or host name`;
}
