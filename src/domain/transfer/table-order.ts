/** A table of the schema and the tables its foreign keys point at. */
export type TableLinks = { name: string; references: string[] };

/**
 * Orders tables so that every table comes after the tables it references (a reference to itself
 * is ignored), alphabetically among equals so the order is stable. Throws on a cycle.
 */
export function tablesInDependencyOrder(tables: TableLinks[]): string[] {
  const names = new Set(tables.map((t) => t.name));
  const waitingOn = new Map<string, Set<string>>();
  for (const t of tables) {
    waitingOn.set(t.name, new Set(t.references.filter((r) => r !== t.name && names.has(r))));
  }
  const order: string[] = [];
  while (waitingOn.size > 0) {
    const ready = [...waitingOn.entries()]
      .filter(([, deps]) => deps.size === 0)
      .map(([name]) => name)
      .sort();
    if (ready.length === 0) {
      throw new Error(
        `The tables ${[...waitingOn.keys()].sort().join(', ')} reference each other in a cycle`,
      );
    }
    for (const name of ready) {
      order.push(name);
      waitingOn.delete(name);
    }
    for (const deps of waitingOn.values()) for (const name of ready) deps.delete(name);
  }
  return order;
}

/**
 * The tables reached from the roots by following foreign keys backwards: a table is included when
 * it references an included table. `exclude` names tables never to include.
 */
export function tablesReachedFrom(roots: string[], tables: TableLinks[], exclude: string[] = []): string[] {
  const included = new Set(roots.filter((r) => !exclude.includes(r)));
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of tables) {
      if (included.has(t.name) || exclude.includes(t.name)) continue;
      if (t.references.some((r) => included.has(r))) {
        included.add(t.name);
        grew = true;
      }
    }
  }
  return [...included].sort();
}
