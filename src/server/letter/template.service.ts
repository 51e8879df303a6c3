import { and, eq } from 'drizzle-orm';
import {
  type LetterKind,
  type LetterTemplateDto,
  type LetterTemplateList,
  letterKinds,
  type UpdateLetterTemplateInput,
} from '#domain/letter/letter.ts';
import { letterPlaceholders } from '#domain/letter/placeholders.ts';
import { mayEditLetterTemplates } from '#domain/letter/policy.ts';
import { standardLetterTemplates } from '#domain/letter/standard-templates.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import type { Queryable } from '../db/client.ts';
import { letterTemplates } from '../db/schema/index.ts';
import type { MemberCtx } from '../http/context.ts';
import { assertVersion } from '../review/access.ts';

type TemplateRow = typeof letterTemplates.$inferSelect;

/** Presents a letter template: the partnership's own wording, or the standard one when it has none. */
export function presentTemplate(
  ctx: MemberCtx,
  kind: LetterKind,
  row: TemplateRow | undefined,
): LetterTemplateDto {
  return {
    kind,
    kindLabel: letterKinds[kind].label,
    hint: letterKinds[kind].hint,
    body: row?.body ?? standardLetterTemplates[kind],
    isStandard: !row,
    standardBody: standardLetterTemplates[kind],
    version: row?.version ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    abilities: { update: mayEditLetterTemplates(ctx.membership.role) },
  };
}

/** The partnership's own template of a kind, if it has written one. */
export async function findLetterTemplate(
  q: Queryable,
  partnershipId: string,
  kind: LetterKind,
  options: { lock?: boolean } = {},
): Promise<TemplateRow | undefined> {
  const query = q
    .select()
    .from(letterTemplates)
    .where(and(eq(letterTemplates.partnershipId, partnershipId), eq(letterTemplates.kind, kind)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

/** Lists both letter templates of the partnership, with the placeholders a template may use. */
export async function listLetterTemplates(ctx: MemberCtx): Promise<LetterTemplateList> {
  const rows = await ctx.tx
    .select()
    .from(letterTemplates)
    .where(eq(letterTemplates.partnershipId, ctx.membership.partnershipId));
  const kinds = Object.keys(letterKinds) as LetterKind[];
  return {
    templates: kinds.map((kind) =>
      presentTemplate(
        ctx,
        kind,
        rows.find((r) => r.kind === kind),
      ),
    ),
    placeholders: Object.entries(letterPlaceholders).map(([name, description]) => ({ name, description })),
    abilities: { update: mayEditLetterTemplates(ctx.membership.role) },
  };
}

/**
 * Saves the partnership's wording of a letter. The first save is based on the standard wording
 * (version null); later saves must carry the version they were based on.
 */
export async function updateLetterTemplate(
  ctx: MemberCtx,
  kind: LetterKind,
  input: UpdateLetterTemplateInput,
): Promise<LetterTemplateDto> {
  const partnershipId = ctx.membership.partnershipId;
  const current = await findLetterTemplate(ctx.tx, partnershipId, kind, { lock: true });
  const stale = () =>
    new AppError(
      'stale_version',
      'Someone else changed the letter while you were working on it. Check the current wording and try again.',
      { current: presentTemplate(ctx, kind, current) },
    );
  let row: TemplateRow | undefined;
  if (current) {
    if (input.version === null) throw stale();
    assertVersion(current, input.version, 'letter', () => presentTemplate(ctx, kind, current));
    [row] = await ctx.tx
      .update(letterTemplates)
      .set({ body: input.body, version: current.version + 1, updatedAt: ctx.now })
      .where(eq(letterTemplates.id, current.id))
      .returning();
  } else {
    if (input.version !== null) throw stale();
    // Two first saves at once: the second finds the row the first made, and is stale.
    [row] = await ctx.tx
      .insert(letterTemplates)
      .values({ partnershipId, kind, body: input.body, updatedAt: ctx.now })
      .onConflictDoNothing()
      .returning();
    if (!row) throw stale();
  }
  if (!row) throw new Error('save returned nothing');
  await auditAction(ctx, {
    action: 'letter_template.updated',
    entityType: 'letter_template',
    entityId: row.id,
    details: { kind, version: row.version },
  });
  return presentTemplate(ctx, kind, row);
}
