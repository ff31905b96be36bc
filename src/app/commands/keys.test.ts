import { describe, expect, it } from 'vitest';
import { matches } from './command';
import { COMMANDS } from './registry';

const key = (init: Partial<KeyboardEvent> & { key: string; code: string }) =>
  ({ ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...init }) as KeyboardEvent;

const which = (e: KeyboardEvent) =>
  Object.values(COMMANDS)
    .filter((c) => matches(c, e))
    .map((c) => c.id);

describe('action keys', () => {
  it('undoes with Ctrl+Z and redoes with Ctrl+Shift+Z or Ctrl+Y', () => {
    expect(which(key({ key: 'z', code: 'KeyZ', ctrlKey: true }))).toEqual(['undo']);
    expect(which(key({ key: 'Z', code: 'KeyZ', ctrlKey: true, shiftKey: true }))).toEqual(['redo']);
    expect(which(key({ key: 'y', code: 'KeyY', ctrlKey: true }))).toEqual(['redo']);
  });

  it('goes by the character typed, not the key position, without Alt', () => {
    // German layout: Y sits where US keyboards have Z; French: W sits there.
    expect(which(key({ key: 'y', code: 'KeyZ', ctrlKey: true }))).toEqual(['redo']);
    expect(which(key({ key: 'w', code: 'KeyZ', ctrlKey: true }))).toEqual([]);
    expect(which(key({ key: 'z', code: 'KeyY', ctrlKey: true }))).toEqual(['undo']);
  });

  it('finds Alt+Shift+L by its key when Alt turns the letter into another character', () => {
    expect(which(key({ key: 'Ò', code: 'KeyL', altKey: true, shiftKey: true }))).toEqual(['tidyLayout']);
    expect(which(key({ key: 'L', code: 'KeyL', shiftKey: true }))).toEqual([]);
  });

  it('deletes with Delete or Backspace, with or without Shift, never with Ctrl', () => {
    expect(which(key({ key: 'Delete', code: 'Delete' }))).toEqual(['deleteSelection']);
    expect(which(key({ key: 'Delete', code: 'Delete', shiftKey: true }))).toEqual(['deleteSelection']);
    expect(which(key({ key: 'Backspace', code: 'Backspace', ctrlKey: true }))).toEqual([]);
  });
});
