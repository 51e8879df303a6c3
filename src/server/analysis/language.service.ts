import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type CheckedEpisodeField,
  checkedEpisodeFields,
  type dismissFlagInput,
  type languageFlagList,
} from '#domain/analysis/episode.ts';
import { type CheckedFindingField, checkedFindingFields } from '#domain/finding/finding.ts';
import {
  checkLanguage,
  type LanguageFlag,
  type LanguageRule,
  normalise,
} from '#domain/reference/language.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import type { Queryable } from '../db/client.ts';
import { contributoryFactors, episodes, findings, languageFlagDismissals } from '../db/schema/index.ts';
import { reviewReferenceOf } from '../reference/reference.service.ts';
import type { ReviewCtx } from '../review/access.ts';
import type { EpisodeRow, FactorRow } from './episode-access.ts';

type Review = { id: string; partnershipId: string };
type Dismissal = typeof languageFlagDismissals.$inferSelect;
type FindingRow = typeof findings.$inferSelect;
type Flagged = Array<LanguageFlag & { dismissed: boolean; dismissalReason: string | null }>;

/** One written field with the wording the check flags in it, and which flags were kept with a reason. */
export type FieldFlags = {
  episodeId: string;
  entityType: 'episode' | 'factor';
  entityId: string;
  field: string;
  fieldLabel: string;
  flags: Flagged;
};

/** One written field of a finding with the wording the check flags in it. */
export type FindingFieldFlags = {
  findingId: string;
  entityType: 'finding';
  entityId: string;
  field: string;
  fieldLabel: string;
  flags: Flagged;
};

const dismissalKey = (d: {
  entityType: string;
  entityId: string;
  field: string;
  ruleId: string;
  phrase: string;
}) => [d.entityType, d.entityId, d.field, d.ruleId, normalise(d.phrase)].join('\u0001');

/** The fields the check reads for an episode and its factors, with their text. */
function fieldsOf(e: EpisodeRow, factors: readonly FactorRow[]) {
  const fields: Array<Omit<FieldFlags, 'flags'> & { text: string }> = (
    Object.keys(checkedEpisodeFields) as CheckedEpisodeField[]
  ).map((field) => ({
    episodeId: e.id,
    entityType: 'episode',
    entityId: e.id,
    field,
    fieldLabel: checkedEpisodeFields[field],
    text: e[field],
  }));
  for (const f of factors)
    fields.push({
      episodeId: e.id,
      entityType: 'factor',
      entityId: f.id,
      field: 'description',
      fieldLabel: `Contributory factor ${f.rank}: how it influenced what happened`,
      text: f.description,
    });
  return fields;
}

/**
 * The fields the check reads for a finding, with their text: its written fields, and each issue for
 * the board and each recommendation on its own ('boardQuestions.0', 'recommendations.1').
 */
export function fieldsOfFinding(f: FindingRow) {
  const single = (Object.keys(checkedFindingFields) as CheckedFindingField[]).filter(
    (k) => k !== 'boardQuestions' && k !== 'recommendations',
  ) as Array<'statement' | 'howItShowed' | 'prevalenceEvidence' | 'whyItMatters'>;
  const where = { findingId: f.id, entityType: 'finding' as const, entityId: f.id };
  return [
    ...single.map((field) => ({ ...where, field, fieldLabel: checkedFindingFields[field], text: f[field] })),
    ...f.boardQuestions.map((text, i) => ({
      ...where,
      field: `boardQuestions.${i}`,
      fieldLabel: `Issue for the board ${i + 1}`,
      text,
    })),
    ...f.recommendations.map((r, i) => ({
      ...where,
      field: `recommendations.${i}`,
      fieldLabel: `Recommendation ${i + 1}`,
      text: r.text,
    })),
  ];
}

/** The review's language rules, in the version its analysis is pinned to. */
export async function reviewLanguageRules(q: Queryable, review: Review) {
  const { version, content } = await reviewReferenceOf(q, review, 'language');
  return { version, rules: content.rules as LanguageRule[] };
}

/** The review's rules and the wording reviewers kept, to mark each flag of a field. */
async function flagChecker(q: Queryable, review: Review) {
  const { rules } = await reviewLanguageRules(q, review);
  const dismissals: Dismissal[] = await q
    .select()
    .from(languageFlagDismissals)
    .where(eq(languageFlagDismissals.reviewId, review.id));
  const kept = new Map(dismissals.map((d) => [dismissalKey(d), d]));
  return <T extends { entityType: string; entityId: string; field: string; text: string }>(
    fields: readonly T[],
  ): Array<Omit<T, 'text'> & { flags: Flagged }> => {
    const result: Array<Omit<T, 'text'> & { flags: Flagged }> = [];
    for (const { text, ...where } of fields) {
      const flags = checkLanguage(text, rules);
      if (!flags.length) continue;
      result.push({
        ...where,
        flags: flags.map((flag) => {
          const d = kept.get(dismissalKey({ ...where, ruleId: flag.ruleId, phrase: flag.phrase }));
          return { ...flag, dismissed: Boolean(d), dismissalReason: d?.reason ?? null };
        }),
      });
    }
    return result;
  };
}

/**
 * The flagged wording in episodes and their factors, field by field, each flag marked kept (with the
 * reason) where a reviewer dismissed it. The episode list, the workbench and the review's flag list
 * all count from this one function.
 */
export async function flaggedFields(
  q: Queryable,
  review: Review,
  rows: readonly EpisodeRow[],
  factors: readonly FactorRow[],
): Promise<FieldFlags[]> {
  if (!rows.length) return [];
  const check = await flagChecker(q, review);
  return rows.flatMap((e) => {
    const own = factors.filter((f) => f.episodeId === e.id).sort((a, b) => a.rank - b.rank);
    return check(fieldsOf(e, own));
  });
}

/** The flagged wording in findings, field by field (each issue for the board and recommendation on its own). */
export async function flaggedFindingFields(
  q: Queryable,
  review: Review,
  rows: readonly FindingRow[],
): Promise<FindingFieldFlags[]> {
  if (!rows.length) return [];
  const check = await flagChecker(q, review);
  return rows.flatMap((f) => check(fieldsOfFinding(f)));
}

/** How many flags are neither reworded nor kept with a reason. */
export const unresolvedIn = (fields: ReadonlyArray<{ flags: Flagged }>) =>
  fields.reduce((n, f) => n + f.flags.filter((x) => !x.dismissed).length, 0);

/** Checks a piece of writing against the review's language rules; nothing is stored. */
export async function checkReviewLanguage(ctx: ReviewCtx, text: string) {
  const { version, rules } = await reviewLanguageRules(ctx.tx, ctx.review);
  return { flags: checkLanguage(text, rules), rulesVersion: version };
}

async function reviewEpisodesAndFactors(ctx: ReviewCtx) {
  const rows = await ctx.tx
    .select()
    .from(episodes)
    .where(eq(episodes.reviewId, ctx.review.id))
    .orderBy(asc(episodes.number));
  const factors = await ctx.tx
    .select()
    .from(contributoryFactors)
    .where(eq(contributoryFactors.reviewId, ctx.review.id));
  return { rows, factors };
}

/** Every field of the review's episodes and factors with flagged wording, and how many flags are unresolved. */
export async function listLanguageFlags(ctx: ReviewCtx): Promise<z.input<typeof languageFlagList>> {
  const { rows, factors } = await reviewEpisodesAndFactors(ctx);
  const fields = await flaggedFields(ctx.tx, ctx.review, rows, factors);
  const byId = new Map(rows.map((e) => [e.id, e]));
  return {
    unresolved: unresolvedIn(fields),
    fields: fields.map(({ episodeId, ...f }) => ({
      ...f,
      episodeId,
      episodeNumber: byId.get(episodeId)?.number ?? 0,
      episodeTitle: byId.get(episodeId)?.title ?? '',
    })),
  };
}

const entityNames = { episode: 'an episode', factor: 'a factor', finding: 'a finding' } as const;

/**
 * The flagged field the dismissal names, checked against this review: 400 on `entityId` for an
 * episode, factor or finding not in it, and on `field` for a field the check does not read.
 */
async function flaggedFieldOf(ctx: ReviewCtx, input: z.output<typeof dismissFlagInput>) {
  const noSuchEntity = () =>
    AppError.invalid([
      { path: 'entityId', message: `Choose ${entityNames[input.entityType]} of this review` },
    ]);
  const noSuchField = () =>
    AppError.invalid([{ path: 'field', message: 'Choose a field the language check reads' }]);
  if (input.entityType === 'finding') {
    const [finding] = await ctx.tx
      .select()
      .from(findings)
      .where(and(eq(findings.id, input.entityId), eq(findings.reviewId, ctx.review.id)));
    if (!finding) throw noSuchEntity();
    if (!fieldsOfFinding(finding).some((f) => f.field === input.field)) throw noSuchField();
    const fields = await flaggedFindingFields(ctx.tx, ctx.review, [finding]);
    return { here: fields.find((f) => f.field === input.field), owner: { findingId: finding.id } };
  }
  let episodeRow: EpisodeRow | undefined;
  let factorRows: FactorRow[] = [];
  if (input.entityType === 'episode') {
    [episodeRow] = await ctx.tx
      .select()
      .from(episodes)
      .where(and(eq(episodes.id, input.entityId), eq(episodes.reviewId, ctx.review.id)));
  } else {
    factorRows = await ctx.tx
      .select()
      .from(contributoryFactors)
      .where(
        and(eq(contributoryFactors.id, input.entityId), eq(contributoryFactors.reviewId, ctx.review.id)),
      );
    const [factor] = factorRows;
    if (factor) [episodeRow] = await ctx.tx.select().from(episodes).where(eq(episodes.id, factor.episodeId));
  }
  if (!episodeRow) throw noSuchEntity();
  const validFields = input.entityType === 'episode' ? Object.keys(checkedEpisodeFields) : ['description'];
  if (!validFields.includes(input.field)) throw noSuchField();
  const fields = await flaggedFields(ctx.tx, ctx.review, [episodeRow], factorRows);
  return {
    here: fields.find((f) => f.entityId === input.entityId && f.field === input.field),
    owner: { episodeId: episodeRow.id },
  };
}

/**
 * Keeps flagged wording with the reviewer's reason, so it no longer counts as unresolved. The phrase
 * must be flagged in that field now; keeping it again replaces the reason.
 */
export async function dismissLanguageFlag(ctx: ReviewCtx, input: z.output<typeof dismissFlagInput>) {
  const { here, owner } = await flaggedFieldOf(ctx, input);
  const flagged = here?.flags.some(
    (f) => f.ruleId === input.ruleId && normalise(f.phrase) === normalise(input.phrase),
  );
  if (!flagged)
    throw AppError.invalid([
      {
        path: 'phrase',
        message: 'This wording is not flagged in that field now; it may have been reworded already',
      },
    ]);
  const values = {
    partnershipId: ctx.review.partnershipId,
    reviewId: ctx.review.id,
    entityType: input.entityType,
    entityId: input.entityId,
    field: input.field,
    ruleId: input.ruleId,
    phrase: normalise(input.phrase),
    reason: input.reason,
    dismissedBy: ctx.principal.userId,
    dismissedAt: ctx.now,
  };
  const [row] = await ctx.tx
    .insert(languageFlagDismissals)
    .values(values)
    .onConflictDoUpdate({
      target: [
        languageFlagDismissals.entityType,
        languageFlagDismissals.entityId,
        languageFlagDismissals.field,
        languageFlagDismissals.ruleId,
        languageFlagDismissals.phrase,
      ],
      set: { reason: values.reason, dismissedBy: values.dismissedBy, dismissedAt: values.dismissedAt },
    })
    .returning({ id: languageFlagDismissals.id });
  await auditAction(ctx, {
    action: 'language_flag.dismissed',
    entityType: 'language_flag',
    entityId: row?.id ?? null,
    details: {
      reviewId: ctx.review.id,
      ...owner,
      flaggedEntityType: input.entityType,
      flaggedEntityId: input.entityId,
      field: input.field,
      ruleId: input.ruleId,
    },
  });
  return { dismissed: true as const };
}
