import { compareVersions, type ProductVersion, type RoleId, type RuleId } from '../catalog';
import type { Plan } from '../plan';

/**
 * What a change board should know about an upgrade beyond its rows: ports that can now close,
 * new services to keep narrow. Each entry is one data entry: the version that brings the change,
 * the roles it concerns and the rules it is about. The facts are the vendor's (Trustwave
 * knowledge-base article 10905); the words are ours.
 */
export interface UpgradeAdvisory {
  id: string;
  /** The version that brings the change: the advisory holds for an upgrade from before it to it or later. */
  at: ProductVersion;
  /** Shown when the plan has a host in one of these roles. */
  roles: readonly RoleId[];
  ruleIds: readonly RuleId[];
  title: string;
  text: string;
  /** A further vendor reference, where one explains the advice. */
  reference?: string;
}

export const UPGRADE_ADVISORIES: readonly UpgradeAdvisory[] = [
  {
    id: 'configurator-retired',
    at: '10.0',
    roles: ['admin-workstation'],
    ruleIds: ['array-manager-service'],
    title: 'The Configurator and Console are retired',
    text:
      'From 10.0 a web console takes the place of the Windows Configurator and Console, so ' +
      "administrators' workstations no longer need tcp/19001 to the Array Manager: close it once " +
      'the upgrade is complete. The NetBIOS ports (135–139) the Configurator needed are no longer ' +
      'needed either; if any were opened through a firewall, close them too (Trustwave advises ' +
      'never to open them).',
    reference: 'Trustwave knowledge-base article Q10026',
  },
  {
    id: 'web-console-exposure',
    at: '10.0',
    roles: ['admin-workstation', 'array-manager'],
    ruleIds: ['management-console'],
    title: 'The new web console on tcp/443',
    text:
      'The web console listens on tcp/443 of the Array Manager. Open it to the administrators who ' +
      'need it, from inside the intranet, and not beyond: Trustwave asks that exposing it to an ' +
      'extranet or the Internet be weighed with care.',
  },
  {
    id: 'rest-api',
    at: '8.0',
    roles: ['rest-client'],
    ruleIds: ['rest-api'],
    title: 'The REST API on tcp/19006',
    text:
      'From 8.0, clients of the REST API reach the Array Manager over HTTPS on tcp/19006. Open it ' +
      'only for the hosts that use the API.',
  },
  {
    id: 'node-web-access',
    at: '6.5',
    roles: ['processing-node'],
    ruleIds: ['node-http'],
    title: 'Processing nodes need web access',
    text:
      'From 6.5 the processing nodes make outbound HTTP and HTTPS connections (tcp/80, tcp/443) ' +
      'to addresses that are not a known set: the rule has to allow any destination.',
  },
  {
    id: 'tls-revocation',
    at: '7.1',
    roles: ['processing-node'],
    ruleIds: ['node-http'],
    title: 'TLS checks certificate revocation lists',
    text:
      'From 7.1, with TLS in use, the Controller fetches certificate revocation lists, which can be ' +
      "published at any URL: keep the nodes' outbound HTTP and HTTPS open to any address.",
  },
];

/** The advisories for going from `from` to `to` with this plan's hosts, in the order above. */
export function upgradeAdvisories(
  plan: Plan,
  from: ProductVersion,
  to: ProductVersion = plan.productVersion,
): UpgradeAdvisory[] {
  const roles = new Set(plan.hosts.flatMap((h) => h.roles));
  return UPGRADE_ADVISORIES.filter(
    (a) =>
      compareVersions(from, a.at) < 0 && compareVersions(to, a.at) >= 0 && a.roles.some((r) => roles.has(r)),
  );
}
