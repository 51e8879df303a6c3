/** What an agency knew of an event: the date it learned of it. */
export type Knowledge = { agencyId: string; learnedOn: string };

/**
 * The view from the tunnel: whether an agency knew of an event by a date. An event is known to an
 * agency from the date it recorded or was told of it, and never before the event happened.
 */
export function knewBy(
  event: { occurredOn: string; knowledge: readonly Knowledge[] },
  agencyId: string,
  asOf: string,
): boolean {
  if (event.occurredOn > asOf) return false;
  return event.knowledge.some((k) => k.agencyId === agencyId && k.learnedOn <= asOf);
}

/** Splits a narrative into what the agency knew by the date and what it did not (yet). */
export function tunnelView<E extends { occurredOn: string; knowledge: readonly Knowledge[] }>(
  events: readonly E[],
  agencyIds: readonly string[],
  asOf: string,
): { known: E[]; hidden: E[] } {
  const known: E[] = [];
  const hidden: E[] = [];
  for (const e of events) {
    if (agencyIds.some((a) => knewBy(e, a, asOf))) known.push(e);
    else hidden.push(e);
  }
  return { known, hidden };
}
