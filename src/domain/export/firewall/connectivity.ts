import type { Flow } from '../../engine';
import { groupFlows } from '../../grouping';
import { includedFlows } from '../scope';
import type { ExportInput } from '../types';
import { addressFamily, oneLine } from './common';

/*
 * What the connectivity tests (bash and PowerShell) share: which checks a source host makes, and
 * why a check can only be skipped. Each script writes these in its own language.
 */

export const TCP_TIMEOUT_SECONDS = 3;

/** Why UDP other than DNS is skipped. */
export const UDP_REASON = 'UDP is only checked for DNS (port 53): nothing answers an empty datagram';

/** Why a destination address cannot be checked, or null when it can. */
export function unusable(address: string): string | null {
  const family = addressFamily(address);
  if (family === 'none') return 'the destination has no address';
  if (family === 'any') return 'the destination is any address, nothing single to connect to';
  if (address.includes('/')) return `the destination is an address block (${oneLine(address)})`;
  return null;
}

export interface Check {
  protocol: Flow['protocol'];
  port: number;
  destination: string;
  address: string;
  /** Catalog rules, in the order their flows came. */
  rules: string[];
  /** The grouped rule that carries the check; absent for a flow excluded as already allowed. */
  number?: number;
}

/**
 * The grouped-rule number of every flow a host firewall sees: the change request's numbers for
 * the rules that cross a firewall (whatever its scope), then the rules inside a zone, as in the
 * Windows Firewall script. Flows excluded from the request have none.
 */
export function ruleNumbers(input: ExportInput): Map<string, number> {
  const out = new Map<string, number>();
  for (const rule of groupFlows(input.plan, includedFlows(input.derivation)).rules)
    for (const id of rule.flowIds) out.set(id, rule.number);
  return out;
}

/** "5 (smtp, dns)", or "none, already allowed (smtp)". */
export const ruleLabel = (c: Check) => `${c.number ?? 'none, already allowed'} (${c.rules.join(', ')})`;

/**
 * The checks of one source host: one per protocol, port, destination and address, rules joined.
 * One such check is one (source, destination, service) of the grouping, so one grouped rule.
 */
export function checksOf(flows: Flow[], names: Map<string, string>, numbers?: Map<string, number>): Check[] {
  const byKey = new Map<string, Check>();
  for (const f of flows) {
    const key = JSON.stringify([f.protocol, f.port, f.destinationHostId, f.destinationAddress]);
    const existing = byKey.get(key);
    const number = numbers?.get(f.id);
    if (existing) {
      if (!existing.rules.includes(f.ruleId)) existing.rules.push(f.ruleId);
      existing.number ??= number;
    } else {
      const check: Check = {
        protocol: f.protocol,
        port: f.port,
        destination: names.get(f.destinationHostId) ?? f.destinationHostId,
        address: f.destinationAddress,
        rules: [f.ruleId],
      };
      if (number !== undefined) check.number = number;
      byKey.set(key, check);
    }
  }
  return [...byKey.values()];
}
