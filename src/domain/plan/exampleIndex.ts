import type { Plan } from './types';

/** The example plans by name; their contents (examples.ts) load when one is opened. */
export const EXAMPLES = [
  { id: 'single-server', label: 'Single server' },
  { id: 'dmz-relay', label: 'DMZ relay with internal array (10.0)' },
  { id: 'two-sites', label: 'Two sites, 40 hosts (10.0)' },
  { id: 'two-arrays', label: 'Two sites, two arrays (10.0)' },
  { id: 'enterprise', label: 'Enterprise: 8 nodes, 2 arrays, 8 mail servers (10.0)' },
] as const;

export type ExampleId = (typeof EXAMPLES)[number]['id'];

/** A fresh copy of an example plan, safe to edit. */
export async function loadExample(id: ExampleId): Promise<Plan> {
  const { EXAMPLE_PLANS } = await import('./examples');
  return structuredClone(EXAMPLE_PLANS.find((e) => e.id === id)!.plan);
}
