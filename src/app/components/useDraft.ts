import { useState } from 'react';

/**
 * Text being typed into a field that mirrors a plan value. The draft may be briefly invalid
 * (empty, half an address); when the plan value changes from elsewhere (undo, another edit), the
 * draft follows it.
 */
export function useDraft(value: string): [string, (next: string) => void] {
  const [seen, setSeen] = useState(value);
  const [draft, setDraft] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setDraft(value);
    return [value, setDraft];
  }
  return [draft, setDraft];
}
