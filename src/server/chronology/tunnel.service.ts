import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { tunnelQuery, tunnelViewDto } from '#domain/chronology/chronology.ts';
import { tunnelView } from '#domain/chronology/tunnel.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { agencies, participants } from '../db/schema/index.ts';
import type { ReviewCtx } from '../review/access.ts';
import { queryEvents } from './chronology.service.ts';

/** The agency whose knowledge a tunnel view shows: the one chosen, or the person's own agency. */
async function viewingAgency(ctx: ReviewCtx, query: z.output<typeof tunnelQuery>): Promise<string> {
  if (query.agencyId) {
    const [a] = await ctx.tx
      .select({ id: agencies.id })
      .from(agencies)
      .where(and(eq(agencies.id, query.agencyId), eq(agencies.partnershipId, ctx.review.partnershipId)));
    if (!a) throw AppError.invalid([{ path: 'agencyId', message: 'Select an agency from this partnership' }]);
    return a.id;
  }
  const [p] = await ctx.tx
    .select({ agencyId: participants.agencyId })
    .from(participants)
    .where(and(eq(participants.id, query.participantId!), eq(participants.reviewId, ctx.review.id)));
  if (!p) throw AppError.invalid([{ path: 'participantId', message: 'Choose a person in this review' }]);
  if (!p.agencyId)
    throw AppError.invalid([
      {
        path: 'participantId',
        message: 'This person has no agency recorded, so what they knew cannot be shown',
      },
    ]);
  return p.agencyId;
}

/** The view from the tunnel: only the events an agency (or a person, through their agency) knew of by a date. */
export async function getTunnelView(
  ctx: ReviewCtx,
  query: z.output<typeof tunnelQuery>,
): Promise<z.input<typeof tunnelViewDto>> {
  const agencyId = await viewingAgency(ctx, query);
  const events = await queryEvents(ctx, { sort: 'date' });
  const { known, hidden } = tunnelView(events, [agencyId], query.asOf);
  return {
    asOf: query.asOf,
    agencyIds: [agencyId],
    knownEventIds: known.map((e) => e.id),
    hiddenCount: hidden.length,
    events: known,
  };
}
