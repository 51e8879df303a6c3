import { type ComponentType, lazy } from 'react';

/** A page whose code is loaded only when it is first shown, so the code downloaded first stays small. */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
