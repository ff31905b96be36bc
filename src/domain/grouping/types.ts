import type { Protocol, RuleId } from '../catalog';

/** A named set of hosts: one side of a grouped rule. */
export interface AddressGroup {
  /**
   * Stable identity, made from the sorted member ids: the member host ids joined by ",", or "#" and
   * a hash of them when that would be longer than 64 characters. `plan.groupNames` is keyed by it.
   */
  key: string;
  /** Valid as a firewall object name, unique in the plan. */
  name: string;
  /** Member hosts, in plan order. */
  hostIds: string[];
  /**
   * The address to put in the firewall object for each member, in the same order: the host's own,
   * `any` for the Internet, or a fixed name (the SpamCensor update site, `www.marshal.com`).
   */
  addresses: string[];
  /** Zone id of every member; undefined when they are in no zone. */
  zone?: string;
}

export interface GroupedService {
  protocol: Protocol;
  port: number;
}

/** One firewall rule: every source member may reach every destination member on every service. */
export interface GroupedRule {
  /** 1-based, stable while the plan and the scope stay the same. */
  number: number;
  /** Zone ids; undefined for hosts in no zone. */
  sourceZone?: string;
  destinationZone?: string;
  source: AddressGroup;
  destination: AddressGroup;
  /** Sorted: tcp before udp, then by port. */
  services: GroupedService[];
  action: 'allow';
  /** The catalog rules the rule serves, in catalog order. */
  ruleIds: RuleId[];
  /** The flows it carries, in the order they were given. */
  flowIds: string[];
  /** Written once for the rule, from the titles of its catalog rules and their source. */
  justification: string;
}

export interface Grouping {
  /** In rule-number order. */
  rules: GroupedRule[];
  /** Every group some rule uses, once each, by name. */
  groups: AddressGroup[];
}
