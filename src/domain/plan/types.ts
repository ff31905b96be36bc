import type { FeatureId, ProductVersion, RoleId, RuleId } from '../catalog';

export const PLAN_FORMAT = 'portolan-plan';
/** Bump when the shape changes, and add a migration from the previous version in migrate.ts. */
export const CURRENT_PLAN_VERSION = 3;

export const TRUST_LEVELS = ['untrusted', 'dmz', 'trusted'] as const;
export type Trust = (typeof TRUST_LEVELS)[number];

/** The longest name of a plan, zone, host or device a plan may hold (its schema checks it). */
export const NAME_MAX = 120;

export const TRUST_LABELS: Record<Trust, string> = {
  untrusted: 'Untrusted',
  dmz: 'DMZ',
  trusted: 'Trusted',
};

/**
 * Canvas coordinates and sizes stay within ±1,000,000: far beyond any real diagram, and small
 * enough that the canvas, the minimap, fit-view and the PDF can scale them without overflowing.
 */
export const CANVAS_LIMIT = 1_000_000;

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/**
 * The smallest a zone can be made: room for its header (44), one host card (200 × 72) and a
 * 10 px margin round the card.
 */
export const ZONE_MIN_SIZE: Size = { width: 220, height: 126 };

export interface Zone {
  id: string;
  name: string;
  trust: Trust;
  /** Where the zone's area sits on the canvas (top-left corner) and how large it is. */
  position?: Point;
  size?: Size;
}

export interface Host {
  id: string;
  name: string;
  /** One or more roles; several roles on one host is a co-located (single-server) install. */
  roles: RoleId[];
  /** Id of the zone the host sits in; absent when the host is in no zone. */
  zone?: string;
  /** IPv4/IPv6 address, CIDR block, host name or `any`. */
  address?: string;
  /** Canvas position, absolute (not relative to the zone). */
  position?: Point;
  /**
   * The array this processing node or web components host belongs to: the id of its Array
   * Manager host. Matters only when the plan has more than one Array Manager.
   */
  array?: string;
  /**
   * The counterparts this host uses, by the counterpart's role (its DNS servers, mail servers,
   * domain controllers): host ids. A role not listed means every host of that role (the default).
   */
  uses?: Partial<Record<CounterpartRole, string[]>>;
}

/** Roles of hosts that other hosts may use a choice of ("Uses: DNS01, DNS02"). */
export const COUNTERPART_ROLES = ['dns-server', 'mail-server', 'directory-server'] as const;
export type CounterpartRole = (typeof COUNTERPART_ROLES)[number];

/** Who makes a firewall device: decides which export writes its rules ('other': none, only the CSV and PDF). */
export const FIREWALL_VENDORS = ['cisco-asa', 'fortigate', 'panos', 'nftables', 'iptables', 'other'] as const;
export type FirewallVendor = (typeof FIREWALL_VENDORS)[number];

export const FIREWALL_VENDOR_LABELS: Record<FirewallVendor, string> = {
  'cisco-asa': 'Cisco ASA',
  fortigate: 'FortiGate',
  panos: 'PAN-OS',
  nftables: 'nftables',
  iptables: 'iptables',
  other: 'Other',
};

/**
 * One interface of a firewall device, bound to one zone: what the device calls it (an ASA nameif,
 * a FortiGate port or interface, a PAN-OS zone, a Linux interface).
 */
export interface FirewallInterface {
  /** The zone it faces; absent: the hosts in no zone (usually the Internet). */
  zone?: string;
  name: string;
}

/**
 * A firewall between zones. A flow passes the devices on the shortest path from its source zone
 * to its destination zone (engine/paths.ts); a plan without devices sends every crossing flow to
 * one unnamed firewall.
 */
export interface Firewall {
  id: string;
  name: string;
  vendor: FirewallVendor;
  interfaces: FirewallInterface[];
  /** Canvas position of its card; absent: drawn between the zones it joins. */
  position?: Point;
}

/** Why a flow is left out of the change request. */
export type ExclusionKind = 'allowed' | 'not-needed';

/**
 * A flow the architect left out of the change request: already allowed by an existing firewall
 * rule (with its reference), or not needed (with the reason). Named by what identifies a flow.
 */
export interface Exclusion {
  rule: RuleId;
  /** Source and destination host ids. */
  source: string;
  destination: string;
  protocol: 'tcp' | 'udp';
  port: number;
  kind: ExclusionKind;
  /** Already allowed: the existing firewall rule (optional); not needed: why (required). */
  note?: string;
}

/** The change-request details that go on the cover of a firewall change request. */
export interface ChangeRequest {
  title?: string;
  requester?: string;
  ticket?: string;
  window?: string;
  notes?: string;
  /** Paper for the PDF: A4 (the default) or US Letter, both landscape. */
  paper?: 'a4' | 'letter';
  /**
   * The prefix of every name a firewall file creates (see objectPrefix.ts). Absent: made from the
   * plan's name.
   */
  objectPrefix?: string;
}

export interface Plan {
  format: typeof PLAN_FORMAT;
  version: typeof CURRENT_PLAN_VERSION;
  name: string;
  productVersion: ProductVersion;
  zones: Zone[];
  hosts: Host[];
  /** Firewall devices between the zones (format 3). Absent or empty: one unnamed firewall. */
  firewalls?: Firewall[];
  changeRequest?: ChangeRequest;
  /**
   * Names the user gave to address groups of the grouped rules, by group key (see
   * `AddressGroup.key` in grouping/). Groups not listed get a name made from their zone and roles.
   */
  groupNames?: Record<string, string>;
  /**
   * The version the customer runs now, when the plan is an upgrade to `productVersion`: the app
   * then shows and exports what changes between the two. Absent: no comparison. Readers that do
   * not know it ignore it and see the target version's plan.
   */
  upgradeFrom?: ProductVersion;
  /**
   * Conditional rules of the vendor table switched on or off (see FEATURES in the catalog). A
   * feature not listed keeps its default: on.
   */
  features?: Partial<Record<FeatureId, boolean>>;
  /** Flows left out of the change request, with the reason. */
  exclusions?: Exclusion[];
}
