import { useCallback, useState } from 'react';

/** A text field's value kept in the tab's session storage, so an expired session or a reload does not lose it. */
export function useDraft(key: string, initial = ''): [string, (v: string) => void, () => void] {
  const storageKey = `ipexpert.draft.${key}`;
  const [value, setValue] = useState<string>(() => sessionStorage.getItem(storageKey) ?? initial);
  const set = useCallback((v: string) => {
    sessionStorage.setItem(storageKey, v);
    setValue(v);
  }, [storageKey]);
  const clear = useCallback(() => {
    sessionStorage.removeItem(storageKey);
    setValue(initial);
  }, [storageKey, initial]);
  return [value, set, clear];
}
