import type { RoleId } from '../src/domain/catalog';
import type { Host, Plan, Trust, Zone } from '../src/domain/plan';

/**
 * Deterministic plans of any size for benchmarks: one large array spread over zones of about
 * ten hosts, with the roles in proportions a big estate might have.
 */
const MIX: [RoleId, number][] = [
  ['processing-node', 0.1],
  ['mail-server', 0.02],
  ['pop3-client', 0.05],
  ['admin-workstation', 0.35],
  ['rest-client', 0.3],
  ['web-components', 0.03],
  ['directory-server', 0.02],
  ['dns-server', 0.02],
];

const TRUSTS: Trust[] = ['dmz', 'trusted', 'trusted', 'untrusted'];

export function generatePlan(hostCount: number, productVersion = '10.0'): Plan {
  const roles: RoleId[] = ['array-manager', 'sql-server', 'internet'];
  for (const [role, share] of MIX) {
    for (let i = 0; i < Math.max(1, Math.round(hostCount * share)); i++) roles.push(role);
  }
  while (roles.length < hostCount) roles.push('admin-workstation');
  roles.length = hostCount;
  return planOf(roles, productVersion);
}

/**
 * An estate of clients: a fixed set of servers (20 nodes, 20 mail servers, 8 web components, 4
 * domain controllers, 4 DNS servers) and every other host an admin workstation, REST API client or
 * POP3 client in turn. Its flows grow with the hosts, not their square: 2,000 hosts need 15,401,
 * within the flow limit, where the mix of generatePlan would need 59,700.
 */
export function generateClientEstate(hostCount: number, productVersion = '10.0'): Plan {
  const roles: RoleId[] = ['array-manager', 'sql-server', 'internet'];
  const servers: [RoleId, number][] = [
    ['processing-node', 20],
    ['mail-server', 20],
    ['web-components', 8],
    ['directory-server', 4],
    ['dns-server', 4],
  ];
  for (const [role, count] of servers) for (let i = 0; i < count; i++) roles.push(role);
  const clients: RoleId[] = ['admin-workstation', 'rest-client', 'pop3-client'];
  for (let i = 0; roles.length < hostCount; i++) roles.push(clients[i % clients.length]!);
  roles.length = hostCount;
  return { ...planOf(roles, productVersion), name: `Client estate ${hostCount}` };
}

/** Zones of ten hosts in a square grid of zones, the hosts in rows of four inside each. */
function planOf(roles: readonly RoleId[], productVersion: string): Plan {
  const hostCount = roles.length;

  const perZone = 10;
  const zoneCount = Math.ceil(hostCount / perZone);
  const columns = Math.ceil(Math.sqrt(zoneCount));
  const zones: Zone[] = [];
  for (let z = 0; z < zoneCount; z++) {
    zones.push({
      id: `z${z}`,
      name: `Zone ${z + 1}`,
      trust: TRUSTS[z % TRUSTS.length]!,
      position: { x: (z % columns) * 900, y: Math.floor(z / columns) * 420 },
      size: { width: 860, height: 380 },
    });
  }
  const hosts: Host[] = roles.map((role, i) => {
    const z = Math.floor(i / perZone);
    const slot = i % perZone;
    const zone = zones[z]!;
    const host: Host = {
      id: `h${i}`,
      name: `${role.toUpperCase()}-${i}`,
      roles: [role],
      address: `10.${Math.floor(i / 65536) % 256}.${Math.floor(i / 256) % 256}.${i % 256}`,
      position: {
        x: zone.position!.x + 20 + (slot % 4) * 210,
        y: zone.position!.y + 40 + Math.floor(slot / 4) * 110,
      },
    };
    // The Internet host sits outside every zone, as it would.
    if (role !== 'internet') host.zone = zone.id;
    return host;
  });
  return {
    format: 'portolan-plan',
    version: 3,
    name: `Generated ${hostCount}`,
    productVersion,
    zones,
    hosts,
  };
}
