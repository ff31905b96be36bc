import { beforeEach, describe, expect, it } from 'vitest';
import { DMZ_RELAY, objectPrefix } from '../../domain';
import { FIELD_COMMANDS } from './fields';
import { registerCommands, run } from './registry';

registerCommands(FIELD_COMMANDS);
import { usePlanner } from '../state';

describe('changeObjectPrefix', () => {
  beforeEach(() =>
    usePlanner.setState({
      plan: { ...DMZ_RELAY, changeRequest: { ticket: 'CHG-1' } },
      past: [],
      future: [],
      notices: [],
      lastCommit: { at: 0 },
    }),
  );
  const plan = () => usePlanner.getState().plan;

  it('keeps a typed prefix once valid, as one undo step, and undo brings the default back', () => {
    // Typing "ACME-FW" one key at a time: "ACME-" breaks the rule and is not kept.
    const kept = ['A', 'AC', 'ACM', 'ACME', 'ACME-', 'ACME-F', 'ACME-FW'].map((prefix) =>
      run('changeObjectPrefix', { prefix }),
    );
    expect(kept).toEqual([true, true, true, true, false, true, true]);
    expect(plan().changeRequest).toEqual({ ticket: 'CHG-1', objectPrefix: 'ACME-FW' });
    expect(usePlanner.getState().past).toHaveLength(1);
    usePlanner.getState().undo();
    expect(plan().changeRequest).toEqual({ ticket: 'CHG-1' });
    expect(objectPrefix(plan())).toBe('DMZ-RELAY');
    usePlanner.getState().redo();
    expect(objectPrefix(plan())).toBe('ACME-FW');
  });

  it('refuses a prefix the rule refuses, changing nothing', () => {
    const before = plan();
    expect(run('changeObjectPrefix', { prefix: '9bad' })).toBe(false);
    expect(run('changeObjectPrefix', { prefix: 'ABCDEFGHIJKLM' })).toBe(false);
    expect(plan()).toBe(before);
    expect(usePlanner.getState().past).toHaveLength(0);
  });

  it('goes back to the default when cleared, and trims what was typed', () => {
    expect(run('changeObjectPrefix', { prefix: '  ACME  ' })).toBe(true);
    expect(plan().changeRequest?.objectPrefix).toBe('ACME');
    expect(run('changeObjectPrefix', { prefix: '' })).toBe(true);
    expect(plan().changeRequest).toEqual({ ticket: 'CHG-1' });
    expect(objectPrefix(plan())).toBe('DMZ-RELAY');
  });
});
