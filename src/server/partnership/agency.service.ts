import { and, asc, eq, ne, sql } from 'drizzle-orm';
import {
  type AgencyDto,
  type AgencySector,
  agencySectors,
  type CreateAgencyInput,
  type UpdateAgencyInput,
} from '#domain/partnership/agency.ts';
import { mayInPartnership } from '#domain/partnership/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import type { Queryable } from '../db/client.ts';
import { agencies } from '../db/schema/index.ts';
import type { MemberCtx } from '../http/context.ts';

type AgencyRow = typeof agencies.$inferSelect;

/** Presents an agency with what the person may do with it. */
export function presentAgency(ctx: MemberCtx, row: AgencyRow): AgencyDto {
  return {
    id: row.id,
    name: row.name,
    shortName: row.shortName,
    sector: row.sector as AgencySector,
    sectorLabel: agencySectors[row.sector as AgencySector] ?? row.sector,
    active: row.active,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    abilities: {
      update: mayInPartnership({ userId: ctx.principal.userId, role: ctx.membership.role }, 'manageAgencies'),
    },
  };
}

/** Lists the agencies of the partnership, active ones first. */
export async function listAgencies(ctx: MemberCtx) {
  const rows = await ctx.tx
    .select()
    .from(agencies)
    .where(eq(agencies.partnershipId, ctx.membership.partnershipId))
    .orderBy(sql`${agencies.active} desc`, asc(agencies.name));
  return {
    agencies: rows.map((r) => presentAgency(ctx, r)),
    abilities: {
      create: mayInPartnership({ userId: ctx.principal.userId, role: ctx.membership.role }, 'manageAgencies'),
    },
  };
}

async function assertNameFree(q: Queryable, partnershipId: string, name: string, exceptId?: string) {
  const where = [eq(agencies.partnershipId, partnershipId), sql`lower(${agencies.name}) = lower(${name})`];
  if (exceptId) where.push(ne(agencies.id, exceptId));
  const [clash] = await q
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(...where));
  if (clash)
    throw AppError.invalid([
      { path: 'name', message: 'An agency with this name already exists in the partnership' },
    ]);
}

/** Adds an agency to the partnership. */
export async function createAgency(ctx: MemberCtx, input: CreateAgencyInput): Promise<AgencyDto> {
  const partnershipId = ctx.membership.partnershipId;
  await assertNameFree(ctx.tx, partnershipId, input.name);
  const [row] = await ctx.tx
    .insert(agencies)
    .values({ partnershipId, name: input.name, shortName: input.shortName || null, sector: input.sector })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await auditAction(ctx, {
    action: 'agency.created',
    entityType: 'agency',
    entityId: row.id,
    details: { name: row.name, sector: row.sector },
  });
  return presentAgency(ctx, row);
}

/** Changes an agency, refusing a change based on an out-of-date version. */
export async function updateAgency(
  ctx: MemberCtx,
  agencyId: string,
  input: UpdateAgencyInput,
): Promise<AgencyDto> {
  const partnershipId = ctx.membership.partnershipId;
  const [current] = await ctx.tx
    .select()
    .from(agencies)
    .where(and(eq(agencies.id, agencyId), eq(agencies.partnershipId, partnershipId)))
    .for('update');
  if (!current) throw AppError.notFound('agency');
  if (current.version !== input.version) {
    throw new AppError(
      'stale_version',
      'Someone else changed this agency while you were editing it. Check the current details and try again.',
      {
        current: presentAgency(ctx, current),
      },
    );
  }
  if (input.name !== undefined) await assertNameFree(ctx.tx, partnershipId, input.name, agencyId);
  const changes = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.shortName !== undefined ? { shortName: input.shortName || null } : {}),
    ...(input.sector !== undefined ? { sector: input.sector } : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
  };
  const [row] = await ctx.tx
    .update(agencies)
    .set({ ...changes, version: current.version + 1, updatedAt: ctx.now })
    .where(eq(agencies.id, agencyId))
    .returning();
  if (!row) throw new Error('update returned nothing');
  await auditAction(ctx, {
    action: 'agency.updated',
    entityType: 'agency',
    entityId: row.id,
    details: { changed: Object.keys(changes), version: row.version },
  });
  return presentAgency(ctx, row);
}
