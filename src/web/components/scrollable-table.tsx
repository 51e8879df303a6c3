import type { ReactNode } from 'react';

/**
 * Lets a wide table scroll sideways on a small screen instead of squashing. The region can take
 * focus so keyboard users can scroll it too.
 */
export function ScrollableTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="app-table-wrapper" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
