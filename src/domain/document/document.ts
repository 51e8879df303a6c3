import { z } from 'zod';
import { mayInReview, type ReviewActor, type ReviewRole } from '../review/policy.ts';
import { id, version } from '../shared/fields.ts';

/** The kinds of document gathered as evidence in a review. */
export const documentKinds = {
  case_record: 'Case record',
  assessment: 'Assessment',
  minutes: 'Minutes',
  referral: 'Referral',
  policy: 'Policy',
  procedure: 'Procedure',
  audit: 'Audit',
  inspection: 'Inspection report',
  chronology: 'Chronology',
  agency_summary: 'Agency summary',
  correspondence: 'Correspondence',
  other: 'Other',
} as const;
export type DocumentKind = keyof typeof documentKinds;

/** Who may see a document, from the narrowest circle to the widest. */
export const documentRestrictions = {
  lead_reviewers: 'Lead reviewers and business manager only',
  review_team: 'Review team',
  case_group: 'Shared with the case group',
} as const;
export type DocumentRestriction = keyof typeof documentRestrictions;

/** The file types a review accepts, with the words a person reads. */
export const acceptedMediaTypes = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel spreadsheet',
  'text/csv': 'CSV',
  'text/plain': 'Text',
  'message/rfc822': 'Email',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/gif': 'GIF image',
  'image/webp': 'WebP image',
} as const;
export type AcceptedMediaType = keyof typeof acceptedMediaTypes;

/** Whether a stored document can be shown in the browser rather than only downloaded. */
export const canPreview = (mediaType: string) =>
  mediaType === 'application/pdf' || mediaType.startsWith('image/');

const leadCircle: readonly ReviewRole[] = [
  'business_manager',
  'lead_reviewer',
  'trainee_reviewer',
  'supervisor',
];

/**
 * Whether a person may see a document with this restriction. The lead circle (business manager,
 * lead and trainee reviewers, supervisor, and the partnership's business managers and admins) sees
 * everything; the review team side sees `review_team` and `case_group` documents; case group
 * members see only documents shared with the case group.
 */
export function maySeeDocument(actor: ReviewActor, restriction: DocumentRestriction): boolean {
  const runsPartnership =
    actor.partnershipRole === 'partnership_admin' || actor.partnershipRole === 'business_manager';
  if (runsPartnership || actor.reviewRoles.some((r) => leadCircle.includes(r))) return true;
  if (restriction === 'lead_reviewers') return false;
  if (mayInReview(actor, 'viewDocuments')) return true;
  return restriction === 'case_group' && actor.reviewRoles.includes('case_group_member');
}

/** Whether a person may open the review's documents at all (some of them, at least). */
export function mayOpenDocuments(actor: ReviewActor): boolean {
  return mayInReview(actor, 'viewDocuments') || actor.reviewRoles.includes('case_group_member');
}

/** The restrictions a person may see, for filtering lists in the query. */
export function visibleRestrictions(actor: ReviewActor): DocumentRestriction[] {
  return (Object.keys(documentRestrictions) as DocumentRestriction[]).filter((r) => maySeeDocument(actor, r));
}

const kind = z.enum(Object.keys(documentKinds) as [DocumentKind, ...DocumentKind[]], {
  error: 'Select the kind of document',
});
const restriction = z.enum(
  Object.keys(documentRestrictions) as [DocumentRestriction, ...DocumentRestriction[]],
  {
    error: 'Select who may see the document',
  },
);
const isoDate = (label: string) =>
  z.iso.date({ error: `Enter the ${label} as a real date, like 2025-03-27` });
/** An empty form field means "not given". */
const blankToNull = (v: unknown) => (v === '' ? null : v);

const dateRangeRefine = (v: { dateFrom?: string | null; dateTo?: string | null }, ctx: z.RefinementCtx) => {
  if (v.dateFrom && v.dateTo && v.dateTo < v.dateFrom) {
    ctx.addIssue({
      code: 'custom',
      path: ['dateTo'],
      message: 'The end date must be the same as or after the start date',
    });
  }
};

const metadataFields = {
  title: z
    .string()
    .trim()
    .max(200, { error: 'Title must be 200 characters or fewer' })
    .optional()
    .describe('Defaults to the file name'),
  kind,
  agencyId: z.preprocess(blankToNull, id.nullable()).optional().describe('The agency the document came from'),
  dateFrom: z.preprocess(blankToNull, isoDate('start date').nullable()).optional(),
  dateTo: z.preprocess(blankToNull, isoDate('end date').nullable()).optional(),
  restriction: restriction.default('review_team'),
};

/** The form fields sent with an uploaded file (multipart/form-data, beside the `file` part). */
export const uploadDocumentFields = z.object(metadataFields).superRefine(dateRangeRefine);
export type UploadDocumentFields = z.infer<typeof uploadDocumentFields>;

export const updateDocumentInput = z
  .object({
    title: z
      .string({ error: 'Enter a title' })
      .trim()
      .min(1, { error: 'Enter a title' })
      .max(200, { error: 'Title must be 200 characters or fewer' })
      .optional(),
    kind: kind.optional(),
    agencyId: id.nullable().optional(),
    dateFrom: isoDate('start date').nullable().optional(),
    dateTo: isoDate('end date').nullable().optional(),
    restriction: restriction.optional(),
    version,
  })
  .superRefine(dateRangeRefine);
export type UpdateDocumentInput = z.infer<typeof updateDocumentInput>;

export const listDocumentsQuery = z.object({
  agencyId: id.optional(),
  kind: kind.optional(),
});
export type ListDocumentsQuery = z.infer<typeof listDocumentsQuery>;

export const documentParams = z.object({ partnershipId: id, reviewId: id, documentId: id });

export const documentDto = z.object({
  id,
  title: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  agencyId: id.nullable(),
  agencyName: z.string().nullable(),
  dateFrom: z.string().nullable(),
  dateTo: z.string().nullable(),
  restriction: restriction,
  restrictionLabel: z.string(),
  originalFilename: z.string(),
  mediaType: z.string(),
  typeLabel: z.string(),
  sizeBytes: z.int(),
  sha256: z.string(),
  hasText: z.boolean().describe('Whether text was extracted, so the document can be searched'),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
  version: z.int(),
  abilities: z.object({ edit: z.boolean(), preview: z.boolean() }),
});
export type DocumentDto = z.infer<typeof documentDto>;

export const documentList = z.object({
  documents: z.array(documentDto),
  abilities: z.object({ upload: z.boolean() }),
});
export type DocumentList = z.infer<typeof documentList>;
