// What the side panel shows for a selection; loaded on demand (see SidePanel.tsx).
export { HostDetails } from './HostDetails';
export { HostsDetails } from './HostsDetails';
export { ZoneDetails } from './ZoneDetails';
export { EdgeDetails } from './EdgeDetails';
export { FirewallDetails } from './FirewallDetails';
