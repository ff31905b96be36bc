import { RULE_IDS, getRule, type Protocol, type RuleId } from '../catalog';
import { crossesFirewall, hostAddress, type Flow } from '../engine';
import type { Host, Plan } from '../plan';
import { compare, nameGroups, type GroupToName } from './names';
import type { AddressGroup, GroupedRule, GroupedService, Grouping } from './types';

/*
 * How flows become grouped rules, exactly and never broader.
 *
 * An endpoint ("member") is a host with the address a flow gives it; a host reached at a fixed name
 * (the Internet as www.marshal.com) is a member of its own, so every member has one address.
 * Flows are gathered per (source member, destination member) pair into that pair's set of services.
 * Rules never span zones, so each (source zone, destination zone) pair is grouped on its own:
 *
 *   1. For each source, its destinations are split by the service set they get: {s} × D × V blocks.
 *   2. Sources with the same blocks (same V and the same D) merge into one rule S × D × V.
 *
 * Every (source, destination) pair lies in exactly one block, and a block holds only pairs that
 * have exactly its services, so expanding the rules gives back the flows' (source, destination,
 * service) set, no more, no fewer. The same is done with the roles swapped (group destinations
 * first), and the zone pair keeps whichever gives fewer rules (sources first on a tie): either way
 * is exact; neither is always the smaller.
 */

interface Member {
  host: Host;
  address: string;
  fixed: boolean;
  /** The member's part of a group key. */
  keyPart: string;
  /** Plan order of its host. */
  order: number;
}

interface Pair {
  source: number;
  destination: number;
  /** Service ranks, sorted once every flow is in. */
  services: number[];
  /** Indexes of the flows, in input order. */
  flows: number[];
}

interface Block {
  sources: number[];
  destinations: number[];
  services: number[];
  pairs: Pair[];
}

const RULE_ORDER = new Map<RuleId, number>(RULE_IDS.map((id, i) => [id, i]));
const KEY_MAX = 64;

/** Groups the flows given (the caller decides the scope) into numbered rules over named groups. */
export function groupFlows(plan: Plan, flows: readonly Flow[]): Grouping {
  const hosts = new Map<string, { host: Host; order: number }>();
  plan.hosts.forEach((host, order) => hosts.set(host.id, { host, order }));
  const zoneOrder = new Map<string, number>(plan.zones.map((z, i) => [z.id, i]));
  const zoneRank = (h: Host) =>
    h.zone === undefined ? plan.zones.length : (zoneOrder.get(h.zone) ?? plan.zones.length);

  const members: Member[] = [];
  const memberIds = new Map<string, number>();
  // Most flows give a host its usual address: found by host id alone, without building a string.
  const usual = new Map<string, { address: string; member: number }>();
  const memberOf = (hostId: string, address: string): number | undefined => {
    const seen = usual.get(hostId);
    if (seen?.address === address) return seen.member;
    const member = newMember(hostId, address);
    if (member !== undefined && !seen && !members[member]!.fixed) usual.set(hostId, { address, member });
    return member;
  };
  const newMember = (hostId: string, address: string): number | undefined => {
    // Ids and addresses never hold NUL once through the schema, and this key is only local.
    const id = `${hostId}\u0000${address}`;
    const known = memberIds.get(id);
    if (known !== undefined) return known;
    const entry = hosts.get(hostId);
    if (!entry) return undefined;
    const fixed = address !== hostAddress(entry.host);
    const keyPart = encodeURIComponent(hostId) + (fixed ? `@${encodeURIComponent(address)}` : '');
    members.push({ host: entry.host, address, fixed, keyPart, order: entry.order });
    memberIds.set(id, members.length - 1);
    return members.length - 1;
  };

  // Services ranked tcp before udp, then by port, so sorted ranks are sorted services.
  const serviceId = (protocol: Protocol, port: number) => (protocol === 'tcp' ? 0 : 65536) + port;
  const serviceRank = new Map<number, number>();
  const serviceList: GroupedService[] = [];
  for (const f of flows) {
    const id = serviceId(f.protocol, f.port);
    if (!serviceRank.has(id)) {
      serviceRank.set(id, 0);
      serviceList.push({ protocol: f.protocol, port: f.port });
    }
  }
  serviceList.sort((a, b) => serviceId(a.protocol, a.port) - serviceId(b.protocol, b.port));
  serviceList.forEach((s, i) => serviceRank.set(serviceId(s.protocol, s.port), i));

  const pairsBySource = new Map<number, Map<number, Pair>>();
  const pairs: Pair[] = [];
  flows.forEach((f, index) => {
    const source = memberOf(f.sourceHostId, f.sourceAddress);
    const destination = memberOf(f.destinationHostId, f.destinationAddress);
    if (source === undefined || destination === undefined) return;
    let row = pairsBySource.get(source);
    if (!row) pairsBySource.set(source, (row = new Map<number, Pair>()));
    let pair = row.get(destination);
    if (!pair) {
      pair = { source, destination, services: [], flows: [] };
      row.set(destination, pair);
      pairs.push(pair);
    }
    const rank = serviceRank.get(serviceId(f.protocol, f.port))!;
    if (!pair.services.includes(rank)) pair.services.push(rank);
    pair.flows.push(index);
  });
  for (const p of pairs) p.services.sort((a, b) => a - b);

  // Crossing and in-zone pairs never share a block, so the rules that cross a firewall are the
  // same whether or not the flows inside zones are grouped with them.
  const zonePair = (p: Pair) => {
    const a = members[p.source]!.host;
    const b = members[p.destination]!.host;
    return `${zoneRank(a)}>${zoneRank(b)}${crossesFirewall(a, b) ? '' : '='}`;
  };
  const bySourceFirst = blocksByZonePair(pairs, zonePair, 'source');
  const byDestinationFirst = blocksByZonePair(pairs, zonePair, 'destination');
  const blocks: Block[] = [];
  for (const [zp, first] of bySourceFirst) {
    const other = byDestinationFirst.get(zp)!;
    blocks.push(...(other.length < first.length ? other : first));
  }

  // One group per distinct member set, shared by every rule that uses it.
  const groupsBySet = new Map<
    string,
    { group: AddressGroup; hosts: Host[]; fixed: boolean; crossing: boolean }
  >();
  const groupOf = (set: number[], crossing: boolean) => {
    const id = set.join(',');
    const known = groupsBySet.get(id);
    if (known) {
      known.crossing ||= crossing;
      return known.group;
    }
    const inOrder = set
      .map((i) => members[i]!)
      .sort((a, b) => a.order - b.order || compare(a.address, b.address));
    const joined = inOrder
      .map((m) => m.keyPart)
      .sort(compare)
      .join(',');
    const first = inOrder[0]!.host;
    const group: AddressGroup = {
      key: joined.length <= KEY_MAX ? joined : `#${hash(joined)}`,
      name: '',
      hostIds: inOrder.map((m) => m.host.id),
      addresses: inOrder.map((m) => m.address),
    };
    if (first.zone !== undefined) group.zone = first.zone;
    groupsBySet.set(id, {
      group,
      hosts: inOrder.map((m) => m.host),
      fixed: inOrder.some((m) => m.fixed),
      crossing,
    });
    return group;
  };

  const zoneNames = new Map(plan.zones.map((z) => [z.id, z.name]));
  const crossing = new Set<GroupedRule>();
  const rules = blocks.map((b) => {
    const crosses = crossesFirewall(members[b.sources[0]!]!.host, members[b.destinations[0]!]!.host);
    const source = groupOf(b.sources, crosses);
    const destination = groupOf(b.destinations, crosses);
    const flowIndexes = b.pairs.flatMap((p) => p.flows).sort((x, y) => x - y);
    const ruleIds = [...new Set(flowIndexes.map((i) => flows[i]!.ruleId))].sort(
      (x, y) => RULE_ORDER.get(x)! - RULE_ORDER.get(y)!,
    );
    const rule: Omit<GroupedRule, 'number'> & { number: number } = {
      number: 0,
      source,
      destination,
      services: b.services.map((s) => ({ ...serviceList[s]! })),
      action: 'allow',
      ruleIds,
      flowIds: flowIndexes.map((i) => flows[i]!.id),
      justification: justify(ruleIds),
    };
    if (source.zone !== undefined) rule.sourceZone = source.zone;
    if (destination.zone !== undefined) rule.destinationZone = destination.zone;
    if (crosses) crossing.add(rule);
    return rule;
  });

  const toName: GroupToName[] = [...groupsBySet.values()].map(
    ({ group, hosts: groupHosts, fixed, crossing }) => {
      const entry: GroupToName = {
        key: group.key,
        hosts: groupHosts,
        addresses: group.addresses,
        fixedAddress: fixed,
      };
      if (!crossing) entry.insideZoneOnly = true;
      const zoneName = group.zone === undefined ? undefined : zoneNames.get(group.zone);
      if (zoneName !== undefined) entry.zoneName = zoneName;
      return entry;
    },
  );
  const names = nameGroups(plan, toName);
  for (const { group } of groupsBySet.values()) group.name = names.get(group.key)!;

  const zoneOfGroup = (g: AddressGroup) =>
    g.zone === undefined ? plan.zones.length : (zoneOrder.get(g.zone) ?? plan.zones.length);
  // One numbering for every deliverable: the rules that cross a firewall come first, so they keep
  // their numbers when the flows inside zones are added (the in-zone rules follow them).
  rules.sort(
    (a, b) =>
      Number(crossing.has(b)) - Number(crossing.has(a)) ||
      zoneOfGroup(a.source) - zoneOfGroup(b.source) ||
      zoneOfGroup(a.destination) - zoneOfGroup(b.destination) ||
      RULE_ORDER.get(a.ruleIds[0]!)! - RULE_ORDER.get(b.ruleIds[0]!)! ||
      // Ties by the groups' keys (their members), not their names: renaming a group must not
      // renumber the rules a reviewer has already cited.
      compare(a.source.key, b.source.key) ||
      compare(a.destination.key, b.destination.key) ||
      compare(serviceText(a.services), serviceText(b.services)),
  );
  rules.forEach((r, i) => (r.number = i + 1));

  const groups = [...groupsBySet.values()].map((g) => g.group).sort((a, b) => compare(a.name, b.name));
  return { rules, groups };
}

/**
 * Blocks for every zone pair, grouping on `first` (each member's other ends split by service set)
 * and then merging the members on that side whose blocks are the same.
 */
function blocksByZonePair(
  pairs: readonly Pair[],
  zonePair: (p: Pair) => string,
  first: 'source' | 'destination',
): Map<string, Block[]> {
  const other = first === 'source' ? 'destination' : 'source';
  // Member on the `first` side → service set → the pairs it has with that set.
  const split = new Map<string, Map<number, Map<string, Pair[]>>>();
  for (const p of pairs) {
    const zp = zonePair(p);
    let byMember = split.get(zp);
    if (!byMember) split.set(zp, (byMember = new Map<number, Map<string, Pair[]>>()));
    let bySet = byMember.get(p[first]);
    if (!bySet) byMember.set(p[first], (bySet = new Map<string, Pair[]>()));
    const set = p.services.join('.');
    const list = bySet.get(set);
    if (list) list.push(p);
    else bySet.set(set, [p]);
  }
  const result = new Map<string, Block[]>();
  for (const [zp, byMember] of split) {
    const merged = new Map<string, Block>();
    for (const [member, bySet] of byMember) {
      for (const [set, list] of bySet) {
        const ends = list.map((p) => p[other]).sort((a, b) => a - b);
        const id = `${set}|${ends.join(',')}`;
        let block = merged.get(id);
        if (!block) {
          block = { sources: [], destinations: [], services: list[0]!.services, pairs: [] };
          block[first === 'source' ? 'destinations' : 'sources'] = ends;
          merged.set(id, block);
        }
        block[first === 'source' ? 'sources' : 'destinations'].push(member);
        block.pairs.push(...list);
      }
    }
    for (const b of merged.values()) {
      b.sources.sort((x, y) => x - y);
      b.destinations.sort((x, y) => x - y);
    }
    result.set(zp, [...merged.values()]);
  }
  return result;
}

/** "SMTP mail transfer; Processing node web access (Trustwave KB 10905)" */
function justify(ruleIds: readonly RuleId[]): string {
  const rules = ruleIds.map(getRule);
  const citations = [...new Set(rules.map((r) => r.source.citation))];
  return `${rules.map((r) => r.title).join('; ')} (${citations.join('; ')})`;
}

const serviceText = (services: readonly { protocol: Protocol; port: number }[]) =>
  services.map((s) => `${s.protocol}/${String(s.port).padStart(5, '0')}`).join(' ');

/**
 * 64 bits as 16 hex digits from two 32-bit multiplicative hashes with different constants: enough
 * to tell apart the groups of one plan, and short enough to keep plan files small.
 */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x2545f491;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  a = Math.imul(a ^ (a >>> 16), 0x85ebca6b);
  b = Math.imul(b ^ (b >>> 15), 0xc2b2ae35);
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
