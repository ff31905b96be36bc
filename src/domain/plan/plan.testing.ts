import type { RoleId } from '../catalog';
import {
  CURRENT_PLAN_VERSION,
  PLAN_FORMAT,
  type Firewall,
  type FirewallVendor,
  type Host,
  type Plan,
  type Trust,
  type Zone,
} from './types';

/*
 * Test support: one way to write a plan in a test. `testPlan` fills in what every plan has (the
 * format, its version, a name, a product version, no zones, no hosts) and takes the rest as given;
 * `host` and `zone` write the common entries short. What they make is a plan the schema accepts
 * (plan.testing.test.ts checks that), so a test says only what matters to it.
 */

/** A plan's own fields; format and version are always the current ones. */
export type PlanParts = Partial<Omit<Plan, 'format' | 'version'>>;

/** A plan at the current format version: name "Test plan", product version 10.0, unless given. */
export function testPlan(parts: PlanParts = {}): Plan {
  return {
    format: PLAN_FORMAT,
    version: CURRENT_PLAN_VERSION,
    name: 'Test plan',
    productVersion: '10.0',
    zones: [],
    hosts: [],
    ...parts,
  };
}

/** A host named after its id in capitals (`dns1` → DNS1), with any other fields given. */
export function host(id: string, roles: RoleId[], extra: Partial<Host> = {}): Host {
  return { id, name: id.toUpperCase(), roles, ...extra };
}

/** A zone's box on the canvas: its top-left corner and size. */
export interface TestRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A zone named after its id in capitals, drawn at `rect` (none: the default box), trusted unless said. */
export function zone(id: string, rect?: TestRect, trust: Trust = 'trusted', extra: Partial<Zone> = {}): Zone {
  return {
    id,
    name: id.toUpperCase(),
    trust,
    ...(rect ? { position: { x: rect.x, y: rect.y }, size: { width: rect.width, height: rect.height } } : {}),
    ...extra,
  };
}

/**
 * A device named after its id in capitals, with interfaces written `zone:name` (`dmz:port2`), or
 * `:name` for one facing the hosts in no zone.
 */
export function firewall(
  id: string,
  vendor: FirewallVendor,
  interfaces: string[],
  extra: Partial<Firewall> = {},
): Firewall {
  return {
    id,
    name: id.toUpperCase(),
    vendor,
    interfaces: interfaces.map((spec) => {
      const [zone, name] = spec.split(':') as [string, string];
      return zone ? { zone, name } : { name };
    }),
    ...extra,
  };
}

/** The plan as it would be without firewall devices (the examples have some): one unnamed firewall. */
export function withoutFirewalls(plan: Plan): Plan {
  const copy = { ...plan };
  delete copy.firewalls;
  return copy;
}
