import { asc, count, eq } from 'drizzle-orm';
import type {
  BoardResponseDto,
  FindingResponseDto,
  RecordBoardResponseInput,
} from '#domain/action/action.ts';
import { buildBoardResponseDocument } from '#domain/action/board-response-document.ts';
import { londonDate } from '#domain/intake/deadlines.ts';
import { pseudonymiseDocument } from '#domain/report/anonymise.ts';
import type { ReportDocument } from '#domain/report/document.ts';
import { mayInReview } from '#domain/review/policy.ts';
import { type ReviewType, reviewTypes } from '#domain/review/review.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import { actions, boardResponses, findings, partnerships, users } from '../db/schema/index.ts';
import { loadFinding } from '../finding/finding-access.ts';
import { safeFileName } from '../meeting/calendar.ts';
import { loadRegister, registerEntries } from '../pseudonym/pseudonym.service.ts';
import { renderReportDocx } from '../report/render/docx.ts';
import { renderReportPdf } from '../report/render/pdf.ts';
import { assertVersion, type ReviewCtx } from '../review/access.ts';

export type DocumentFormat = 'docx' | 'pdf';

/** The review's findings in number order, each with the board's response (if any) and how many actions answer it. */
async function loadResponses(ctx: ReviewCtx, findingId?: string): Promise<FindingResponseDto[]> {
  const rows = await ctx.tx
    .select({ finding: findings, response: boardResponses, updatedByName: users.name })
    .from(findings)
    .leftJoin(boardResponses, eq(boardResponses.findingId, findings.id))
    .leftJoin(users, eq(users.id, boardResponses.updatedBy))
    .where(eq(findings.reviewId, ctx.review.id))
    .orderBy(asc(findings.number));
  const counts = await ctx.tx
    .select({ findingId: actions.findingId, n: count() })
    .from(actions)
    .where(eq(actions.reviewId, ctx.review.id))
    .groupBy(actions.findingId);
  const actionCounts = new Map(counts.map((c) => [c.findingId, c.n]));
  return rows
    .filter((r) => !findingId || r.finding.id === findingId)
    .map(({ finding, response, updatedByName }) => ({
      findingId: finding.id,
      findingNumber: finding.number,
      statement: finding.statement,
      boardQuestions: finding.boardQuestions,
      recommendations: finding.recommendations.map((r) => ({ text: r.text, addressee: r.addressee ?? null })),
      response: response?.response ?? null,
      agreedOn: response?.agreedOn ?? null,
      updatedByName: response ? (updatedByName ?? null) : null,
      updatedAt: response ? response.updatedAt.toISOString() : null,
      version: response?.version ?? 0,
      actionCount: actionCounts.get(finding.id) ?? 0,
    }));
}

/**
 * The board's response to a review: every finding in order with its issues for the board and
 * recommendations, the response recorded (version 0 before the first), how many actions answer it,
 * how many responses the board has agreed, and what the person may do.
 */
export async function getBoardResponse(ctx: ReviewCtx): Promise<BoardResponseDto> {
  const list = await loadResponses(ctx);
  return {
    findings: list,
    agreedCount: list.filter((f) => f.response !== null && f.agreedOn !== null).length,
    abilities: {
      record: mayInReview(ctx.actor, 'recordBoardResponse'),
      download: mayInReview(ctx.actor, 'viewBoardResponse'),
    },
  };
}

/**
 * Records the board's whole response to one finding, based on the version the person saw (0 before
 * the first): a stale version is refused (409) with the response as it is now, and a date agreed
 * after today in London is refused (400 naming `agreedOn`). Saving what is stored changes nothing.
 * The audit row holds the finding's number and whether the response is agreed, never the text.
 */
export async function recordBoardResponse(
  ctx: ReviewCtx,
  findingId: string,
  input: RecordBoardResponseInput,
): Promise<FindingResponseDto> {
  const finding = await loadFinding(ctx, findingId, { lock: true });
  const [current] = await loadResponses(ctx, finding.id);
  if (!current) throw AppError.notFound('finding');
  assertVersion(current, input.version, 'board’s response to this finding', () => current);
  const agreedOn = input.agreedOn ?? null;
  if (agreedOn && agreedOn > londonDate(ctx.now))
    throw AppError.invalid([
      { path: 'agreedOn', message: 'The date the board agreed it must be today or in the past' },
    ]);
  if (current.version > 0 && current.response === input.response && current.agreedOn === agreedOn)
    return current;
  const version = current.version + 1;
  const values = {
    response: input.response,
    agreedOn,
    version,
    updatedBy: ctx.principal.userId,
    updatedAt: ctx.now,
  };
  await ctx.tx
    .insert(boardResponses)
    .values({
      ...values,
      findingId: finding.id,
      partnershipId: ctx.review.partnershipId,
      reviewId: ctx.review.id,
    })
    .onConflictDoUpdate({ target: boardResponses.findingId, set: values });
  await auditAction(ctx, {
    action: 'board_response.recorded',
    entityType: 'board_response',
    entityId: finding.id,
    details: { reviewId: ctx.review.id, finding: finding.number, agreed: agreedOn !== null, version },
  });
  const [saved] = await loadResponses(ctx, finding.id);
  return saved ?? current;
}

/** The review's partnership name and its type in words, for the heading of a document. */
export async function documentHeading(ctx: ReviewCtx) {
  const [partnership] = await ctx.tx
    .select({ name: partnerships.name })
    .from(partnerships)
    .where(eq(partnerships.id, ctx.review.partnershipId));
  return {
    reviewTitle: ctx.review.title,
    reviewTypeLabel: reviewTypes[ctx.review.type as ReviewType] ?? ctx.review.type,
    partnershipName: partnership?.name ?? '',
    generatedOn: londonDate(ctx.now),
  };
}

/** A document with every name in the review's pseudonym register replaced, rendered as DOCX or PDF. */
export async function renderPseudonymised(
  ctx: ReviewCtx,
  doc: ReportDocument,
  format: DocumentFormat,
): Promise<Buffer> {
  const { document } = pseudonymiseDocument(doc, registerEntries(await loadRegister(ctx)));
  return format === 'docx'
    ? renderReportDocx(document, { short: true })
    : renderReportPdf(document, { short: true });
}

/**
 * The board's response as a publishable DOCX or PDF: each finding with its issues for the board and
 * the response, with every name in the pseudonym register replaced. Each download is audited.
 */
export async function downloadBoardResponse(
  ctx: ReviewCtx,
  format: DocumentFormat,
): Promise<{ content: Buffer; fileName: string }> {
  const list = await loadResponses(ctx);
  const doc = buildBoardResponseDocument({
    ...(await documentHeading(ctx)),
    findings: list.map((f) => ({
      number: f.findingNumber,
      statement: f.statement,
      boardQuestions: f.boardQuestions,
      response: f.response,
      agreedOn: f.agreedOn,
    })),
  });
  const content = await renderPseudonymised(ctx, doc, format);
  await auditAction(ctx, {
    action: 'board_response.downloaded',
    entityType: 'review',
    entityId: ctx.review.id,
    details: { reviewId: ctx.review.id, format, findings: list.length },
  });
  return { content, fileName: `${safeFileName(ctx.review.title)}-board-response.${format}` };
}
