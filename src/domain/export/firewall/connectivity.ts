import type { Flow } from '../../engine/types';
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
  rules: string[];
}

/** The checks of one source host: one per protocol, port, destination and address, rules joined. */
export function checksOf(flows: Flow[], names: Map<string, string>): Check[] {
  const byKey = new Map<string, Check>();
  for (const f of flows) {
    const key = JSON.stringify([f.protocol, f.port, f.destinationHostId, f.destinationAddress]);
    const existing = byKey.get(key);
    if (existing) {
      if (!existing.rules.includes(f.ruleId)) existing.rules.push(f.ruleId);
    } else
      byKey.set(key, {
        protocol: f.protocol,
        port: f.port,
        destination: names.get(f.destinationHostId) ?? f.destinationHostId,
        address: f.destinationAddress,
        rules: [f.ruleId],
      });
  }
  return [...byKey.values()];
}
