import { and, desc, eq, inArray } from 'drizzle-orm';
import { compareDocuments } from '#domain/report/compare.ts';
import {
  defaultMethodology,
  type NarrativeKey,
  narrativeKeys,
  narrativeSections,
  type ReportComparisonDto,
  type ReportDto,
  type ReportVersionDto,
  type UpdateReportNarrativeInput,
} from '#domain/report/report.ts';
import { mayReadVersion, signOffChainOf } from '#domain/report/rules.ts';
import { mayInReview } from '#domain/review/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import { reportDrafts, reportVersions, users } from '../db/schema/index.ts';
import { safeFileName } from '../meeting/calendar.ts';
import { assertVersion, type ReviewCtx } from '../review/access.ts';
import { userNames } from './circulation.service.ts';
import { acknowledgementsOf, presentReportVersion, presentVersionSummary } from './report.presenter.ts';
import { type VersionCtx, type VersionState, versionColumns, versionStates } from './version-access.ts';

/** The narrative sections as written: an empty text for one never written. */
export type Narrative = Record<NarrativeKey, string>;

/** The review's draft of the written sections: version 0 and nothing written until the first save. */
export async function loadDraft(ctx: ReviewCtx) {
  const [row] = await ctx.tx
    .select({
      sections: reportDrafts.sections,
      version: reportDrafts.version,
      updatedAt: reportDrafts.updatedAt,
      updatedByName: users.name,
    })
    .from(reportDrafts)
    .leftJoin(users, eq(users.id, reportDrafts.updatedBy))
    .where(eq(reportDrafts.reviewId, ctx.review.id));
  const narrative = Object.fromEntries(narrativeKeys.map((k) => [k, row?.sections[k] ?? ''])) as Narrative;
  return {
    narrative,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt ?? null,
    updatedByName: row?.updatedByName ?? null,
  };
}

/** The text a narrative section shows: the methodology has a default until the lead reviewers write their own. */
const shownText = (key: NarrativeKey, text: string) =>
  key === 'methodology' && !text ? defaultMethodology : text;

/** The versions of the report this person may read, newest first, as summaries. */
async function readableVersions(ctx: ReviewCtx) {
  const rows = await ctx.tx
    .select(versionColumns)
    .from(reportVersions)
    .where(eq(reportVersions.reviewId, ctx.review.id))
    .orderBy(desc(reportVersions.number));
  const states = await versionStates(
    ctx,
    rows.map((r) => r.id),
  );
  const readable = rows.filter((r) => mayReadVersion(ctx.actor, states.get(r.id) as VersionState));
  const ids = readable.map((r) => r.id);
  const acks = await acknowledgementsOf(ctx, ids);
  const names = await userNames(
    ctx.tx,
    readable.map((r) => r.createdBy),
  );
  return readable.map((r) =>
    presentVersionSummary(r, states.get(r.id) as VersionState, acks.get(r.id) ?? new Map(), names),
  );
}

/**
 * The report of a review: the written sections (for the review team side only), the versions the
 * person may read, the sign-off chain, and what the person may do.
 */
export async function getReport(ctx: ReviewCtx): Promise<ReportDto> {
  const draft = await loadDraft(ctx);
  const mayEdit = mayInReview(ctx.actor, 'editReport');
  return {
    narrative: mayInReview(ctx.actor, 'viewReportDrafts')
      ? narrativeKeys.map((key) => ({
          key,
          title: narrativeSections[key].title,
          hint: narrativeSections[key].hint,
          text: shownText(key, draft.narrative[key]),
        }))
      : [],
    version: draft.version,
    updatedAt: draft.updatedAt?.toISOString() ?? null,
    updatedByName: draft.updatedByName,
    versions: await readableVersions(ctx),
    signOffChain: signOffChainOf(ctx.review.signOffChain),
    abilities: { edit: mayEdit, generate: mayEdit },
  };
}

/**
 * Saves the whole set of written sections, based on the draft version the person saw: a stale
 * version is refused (409) with the report as it is now. Saving the same text changes nothing. The
 * audit row names the sections changed, never what they say.
 */
export async function updateReportNarrative(
  ctx: ReviewCtx,
  input: UpdateReportNarrativeInput,
): Promise<ReportDto> {
  const draft = await loadDraft(ctx);
  if (draft.version !== input.version) {
    const current = await getReport(ctx);
    assertVersion(draft, input.version, 'report', () => current);
  }
  const next = Object.fromEntries(
    narrativeKeys.map((k) => {
      const text = input.sections[k] ?? '';
      // The default methodology sent back unchanged is still the default, not the authors' own text.
      return [k, k === 'methodology' && text === defaultMethodology ? '' : text];
    }),
  ) as Narrative;
  const changed = narrativeKeys.filter((k) => next[k] !== draft.narrative[k]);
  if (!changed.length) return getReport(ctx);
  const values = {
    sections: next,
    version: draft.version + 1,
    updatedBy: ctx.principal.userId,
    updatedAt: ctx.now,
  };
  if (draft.version === 0)
    await ctx.tx
      .insert(reportDrafts)
      .values({ ...values, reviewId: ctx.review.id, partnershipId: ctx.review.partnershipId });
  else await ctx.tx.update(reportDrafts).set(values).where(eq(reportDrafts.reviewId, ctx.review.id));
  await auditAction(ctx, {
    action: 'report.narrative_updated',
    entityType: 'report',
    entityId: ctx.review.id,
    details: { reviewId: ctx.review.id, version: values.version, sections: changed },
  });
  return getReport(ctx);
}

/** A version of the report the person may read, with its scan, circulations and sign-offs. */
export async function getReportVersion(ctx: VersionCtx): Promise<ReportVersionDto> {
  return presentReportVersion(ctx, ctx.reportVersion.id);
}

/** The media type of each format a version is stored in. */
export const reportMediaTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
} as const;
export type ReportFormat = keyof typeof reportMediaTypes;

/**
 * One of the files of a version (DOCX, PDF or HTML) with its file name; each download is
 * recorded in the audit log, since a draft is sensitive material.
 */
export async function downloadReportVersion(
  ctx: VersionCtx,
  format: ReportFormat,
): Promise<{ content: Buffer | string; fileName: string }> {
  const column = { docx: reportVersions.docx, pdf: reportVersions.pdf, html: reportVersions.html }[format];
  const [row] = await ctx.tx
    .select({ content: column })
    .from(reportVersions)
    .where(eq(reportVersions.id, ctx.reportVersion.id));
  if (!row) throw AppError.notFound('report version');
  const number = ctx.reportVersion.number;
  await auditAction(ctx, {
    action: 'report.downloaded',
    entityType: 'report_version',
    entityId: ctx.reportVersion.id,
    details: { reviewId: ctx.review.id, number, format },
  });
  return { content: row.content, fileName: `${safeFileName(ctx.review.title)}-report-v${number}.${format}` };
}

/**
 * Compares two versions of the report section by section, word by word. Both must exist and be
 * readable by the person; otherwise the answer is 404, as if they did not exist.
 */
export async function compareReportVersions(
  ctx: ReviewCtx,
  query: { from: number; to: number },
): Promise<ReportComparisonDto> {
  const rows = await ctx.tx
    .select({ id: reportVersions.id, number: reportVersions.number, document: reportVersions.document })
    .from(reportVersions)
    .where(
      and(eq(reportVersions.reviewId, ctx.review.id), inArray(reportVersions.number, [query.from, query.to])),
    );
  const states = await versionStates(
    ctx,
    rows.map((r) => r.id),
  );
  const readable = (n: number) => {
    const row = rows.find((r) => r.number === n);
    if (!row || !mayReadVersion(ctx.actor, states.get(row.id) as VersionState))
      throw AppError.notFound('report version');
    return row;
  };
  const from = readable(query.from);
  const to = readable(query.to);
  return { from: from.number, to: to.number, sections: compareDocuments(from.document, to.document) };
}
