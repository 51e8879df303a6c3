import { useState } from 'react';

/**
 * A form's values held in one object, with `set('field')` giving the change handler for a field.
 * Returns the values, that setter, and the raw state setter for whole-form changes.
 */
export function useFormValues<T extends object>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);
  const set =
    <K extends keyof T>(key: K) =>
    (value: T[K]) =>
      setValues((current) => ({ ...current, [key]: value }));
  return [values, set, setValues] as const;
}
