import type { Protocol, RoleId, RuleId, Severity } from '../catalog';
import type { Exclusion } from '../plan';

/**
 * One network flow: one source host, one destination host, one protocol and port, one catalog
 * rule. Flows between roles on the same host are `local` and never go to a firewall.
 */
export interface Flow {
  /** Stable id: rule, hosts and service. */
  id: string;
  ruleId: RuleId;
  sourceHostId: string;
  destinationHostId: string;
  /** The roles on each host that call for this flow (more than one on a co-located host). */
  sourceRoles: readonly RoleId[];
  destinationRoles: readonly RoleId[];
  protocol: Protocol;
  port: number;
  /** The address to put in a firewall rule: the host's, `any` for the Internet, or a fixed name. */
  sourceAddress: string;
  destinationAddress: string;
  /** True when the hosts are in different zones, or either is in none. */
  crossesFirewall: boolean;
}

export interface Warning {
  /** Stable id, e.g. `missing-role:sql-server` or `netbios-configurator:ws1:am1`. */
  id: string;
  severity: Severity;
  message: string;
  /** Hosts the warning is about, to highlight them. */
  hostIds: string[];
  ruleIds: RuleId[];
  /** A further vendor reference, where one explains the advice. */
  reference?: string;
}

export interface Derivation {
  /** Flows between different hosts, in catalog order (excluded ones too: see `excluded`). */
  flows: Flow[];
  /**
   * Flows the architect left out of the change request (already allowed, or not needed), by flow
   * id, with the decision. They stay in `flows` (the canvas draws them faint, the table can show
   * them) and leave the change request and every generated configuration.
   */
  excluded: ReadonlyMap<string, Exclusion>;
  /** Flows between roles of one host (a single-server install): listed, never sent to a firewall. */
  localFlows: Flow[];
  warnings: Warning[];
}
