import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { ErrorBody } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import type { Config } from '../config.ts';
import type { Ctx, MemberCtx } from '../http/context.ts';
import { Respond } from '../http/route.ts';
import { ClamdUnavailable, scanWithClamd } from './clamd.ts';

/** clamd settings; `timeoutMs` (default 30 seconds) bounds one whole scan. */
export type ClamdSettings = NonNullable<Config['clamd']> & { timeoutMs?: number };

/** The longest one scan may take before the upload is refused as unchecked. */
export const DEFAULT_SCAN_TIMEOUT_MS = 30_000;

/** What scanning an upload found: nothing (or no scanner configured), a virus, or no answer. */
export type ScanOutcome =
  | { status: 'clean' | 'not_scanned' }
  | { status: 'infected'; signature: string }
  | { status: 'unavailable' };

/** Which kind of upload was refused, for the audit log. */
export type UploadKind = 'document' | 'chronology_import' | 'library_import' | 'review_import';

/** An upload the scanner refused or could not check: nothing of it is kept. */
export type ScanRefusal = {
  outcome: Extract<ScanOutcome, { status: 'infected' | 'unavailable' }>;
  /** The name it was sent with, for the message only (never audited: a name can identify someone). */
  filename: string | null;
  /** The form field the error names. */
  field: string;
  sha256: string;
  sizeBytes: number;
};

/**
 * Scans an upload's bytes with clamd when SIGHTLINES_CLAMD is set; without it nothing is scanned.
 * Never throws: a scanner that cannot be reached or does not answer in time is `unavailable`, and
 * is logged, so the caller refuses the upload (fail closed).
 */
export async function scanUpload(
  config: Pick<Config, 'clamd'>,
  source: Uint8Array | AsyncIterable<Uint8Array>,
  log: FastifyBaseLogger,
): Promise<ScanOutcome> {
  const clamd = config.clamd as ClamdSettings | undefined;
  if (!clamd) return { status: 'not_scanned' };
  try {
    const verdict = await scanWithClamd(clamd, source, clamd.timeoutMs ?? DEFAULT_SCAN_TIMEOUT_MS);
    return verdict.clean ? { status: 'clean' } : { status: 'infected', signature: verdict.signature };
  } catch (error) {
    const reason = error instanceof ClamdUnavailable ? error.message : 'the scan failed';
    log.error({ clamd: `${clamd.host}:${clamd.port}`, reason }, 'virus scanner unavailable: upload refused');
    return { status: 'unavailable' };
  }
}

/** The refusal for an outcome that stops the upload, or null when it may go on. */
export function refusalFor(
  outcome: ScanOutcome,
  file: { filename: string | null; field: string; sha256: string; sizeBytes: number },
): ScanRefusal | null {
  if (outcome.status === 'infected' || outcome.status === 'unavailable') return { outcome, ...file };
  return null;
}

const errorReply = (status: number, error: ErrorBody['error']) => new Respond<ErrorBody>({ error }, status);

/**
 * Answers a refused upload, auditing a virus found: 422 naming the file field when it holds a virus,
 * 503 when the scanner could not check it. The answer is returned rather than thrown, so the
 * request's transaction commits the audit row while nothing of the upload is stored.
 */
export async function answerRefusal(
  ctx: Ctx,
  refusal: ScanRefusal,
  kind: UploadKind,
): Promise<Respond<ErrorBody>> {
  const name = refusal.filename ? `The file ${refusal.filename}` : 'The file';
  if (refusal.outcome.status === 'unavailable') {
    return errorReply(503, {
      code: 'internal',
      message: `${name} could not be checked for viruses, so it was not saved. Try again later; if it keeps happening, tell your administrator.`,
      details: { reason: 'virus_scanner_unavailable' },
    });
  }
  const member = ctx as MemberCtx & { review?: { id: string } };
  const reviewId = member.review?.id;
  await auditAction(member, {
    action: 'document.upload_rejected',
    entityType: reviewId ? 'review' : 'partnership',
    entityId: reviewId ?? member.membership.partnershipId,
    details: {
      upload: kind,
      signature: refusal.outcome.signature,
      sha256: refusal.sha256,
      sizeBytes: refusal.sizeBytes,
      ...(reviewId ? { reviewId } : {}),
    },
  });
  const message = `${name} contains a virus (${refusal.outcome.signature}) and was not saved`;
  return errorReply(422, {
    code: 'validation_failed',
    message: `${message}.`,
    details: { reason: 'virus_found', fields: [{ path: refusal.field, message }] },
  });
}

/**
 * Scans bytes held in memory (an import sent as the request body) and, if they must be refused,
 * answers for the route; null when the import may go on.
 */
export async function screenUpload(
  ctx: Ctx,
  request: { log: FastifyBaseLogger },
  file: { bytes: Uint8Array; filename?: string | null; field: string; kind: UploadKind },
): Promise<Respond<ErrorBody> | null> {
  const outcome = await scanUpload(ctx.config, file.bytes, request.log);
  const refusal = refusalFor(outcome, {
    filename: file.filename ?? null,
    field: file.field,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    sizeBytes: file.bytes.length,
  });
  return refusal ? answerRefusal(ctx, refusal, file.kind) : null;
}
