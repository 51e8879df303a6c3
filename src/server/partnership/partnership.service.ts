import { and, count, eq } from 'drizzle-orm';
import type { PartnershipDto } from '#domain/partnership/partnership.ts';
import { partnershipAbilities } from '#domain/partnership/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { agencies, memberships, partnerships } from '../db/schema/index.ts';
import type { MemberCtx } from '../http/context.ts';

/** The partnership the person is working in, with counts for its home page. */
export async function getPartnership(ctx: MemberCtx): Promise<PartnershipDto> {
  const id = ctx.membership.partnershipId;
  const [p] = await ctx.tx.select().from(partnerships).where(eq(partnerships.id, id));
  if (!p) throw AppError.notFound('partnership');
  const [a] = await ctx.tx
    .select({ n: count() })
    .from(agencies)
    .where(and(eq(agencies.partnershipId, id), eq(agencies.active, true)));
  const [u] = await ctx.tx
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.partnershipId, id), eq(memberships.active, true)));
  return {
    id: p.id,
    name: p.name,
    slug: p.slug,
    counts: { agencies: a?.n ?? 0, users: u?.n ?? 0 },
    abilities: partnershipAbilities({ userId: ctx.principal.userId, role: ctx.membership.role }),
  };
}
