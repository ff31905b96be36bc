import type { FormatExporter } from './types';

export interface ExportFormat {
  id: string;
  /** What it makes, in messages ("Export CSV" → "Building the CSV…"). */
  label: string;
  /** Its item in the toolbar's Export menu. */
  item: string;
  /** Loaded when first used, so heavy formats (PDF) cost nothing until someone exports. */
  load: () => Promise<FormatExporter>;
}

/**
 * Every export format the domain makes, in the order of the toolbar's Export menu. Adding one is a
 * module exporting an Exporter (or a RefusingExporter) plus one line here. The app adds the PNG (it needs a browser
 * canvas) in app/io/exportFormats.ts.
 */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    id: 'plan',
    label: 'Export plan',
    item: 'Plan file',
    load: () => import('./planFile').then((m) => m.exportPlanFile),
  },
  { id: 'csv', label: 'Export CSV', item: 'CSV', load: () => import('./csv').then((m) => m.exportCsv) },
  {
    id: 'grouped-csv',
    label: 'Export grouped rules CSV',
    item: 'Grouped rules CSV',
    load: () => import('./groupedCsv').then((m) => m.exportGroupedCsv),
  },
  { id: 'pdf', label: 'Export PDF', item: 'PDF', load: () => import('./pdf').then((m) => m.exportPdf) },
  {
    id: 'nftables',
    label: 'Export nftables',
    item: 'nftables',
    load: () => import('./firewall/nftables').then((m) => m.exportNftables),
  },
  {
    id: 'iptables',
    label: 'Export iptables',
    item: 'iptables',
    load: () => import('./firewall/iptables').then((m) => m.exportIptables),
  },
  {
    id: 'ip6tables',
    label: 'Export ip6tables',
    item: 'ip6tables',
    load: () => import('./firewall/iptables').then((m) => m.exportIp6tables),
  },
  {
    id: 'windows-firewall',
    label: 'Export Windows Firewall (PowerShell)',
    item: 'Windows Firewall (PowerShell)',
    load: () => import('./firewall/windowsFirewall').then((m) => m.exportWindowsFirewall),
  },
  {
    id: 'cisco-asa',
    label: 'Export Cisco ASA configuration',
    item: 'Cisco ASA',
    load: () => import('./firewall/ciscoAsa').then((m) => m.exportCiscoAsa),
  },
  {
    id: 'fortigate',
    label: 'Export FortiGate configuration',
    item: 'FortiGate',
    load: () => import('./firewall/fortigate').then((m) => m.exportFortigate),
  },
  {
    id: 'panos',
    label: 'Export PAN-OS commands',
    item: 'PAN-OS (not verified by a vendor parser)',
    load: () => import('./firewall/panos').then((m) => m.exportPanos),
  },
  {
    id: 'connectivity-bash',
    label: 'Export connectivity test (bash)',
    item: 'Connectivity test (bash)',
    load: () => import('./firewall/connectivityBash').then((m) => m.exportConnectivityBash),
  },
  {
    id: 'connectivity-powershell',
    label: 'Export connectivity test (PowerShell)',
    item: 'Connectivity test (PowerShell)',
    load: () => import('./firewall/connectivityPowerShell').then((m) => m.exportConnectivityPowerShell),
  },
  {
    id: 'diagram-svg',
    label: 'Export diagram (SVG)',
    item: 'Diagram (SVG)',
    load: () => import('./diagramSvg').then((m) => m.exportDiagramSvg),
  },
];
