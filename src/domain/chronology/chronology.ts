import { z } from 'zod';
import { id, optionalText, requiredText, version } from '../shared/fields.ts';

export const datePrecisions = {
  exact: 'Exact date',
  month: 'Month only',
  approximate: 'Approximate',
} as const;
export type DatePrecision = keyof typeof datePrecisions;
export const datePrecision = z.enum(Object.keys(datePrecisions) as [DatePrecision, ...DatePrecision[]], {
  error: 'Choose how precise the date is',
});

export const significances = { low: 'Low', medium: 'Medium', high: 'High' } as const;
export type Significance = keyof typeof significances;
export const significance = z.enum(Object.keys(significances) as [Significance, ...Significance[]], {
  error: 'Choose low, medium or high',
});

export const sourceKinds = {
  document: 'Document',
  conversation: 'Conversation',
  agency_return: 'Agency chronology return',
} as const;
export type SourceKind = keyof typeof sourceKinds;

const isoDate = (label: string) => z.iso.date({ error: `Enter ${label} as a real date, like 2026-03-27` });

export const knowledgeInput = z.object({
  agencyId: id,
  learnedOn: isoDate('the date the agency learned of it'),
  how: optionalText('how they learned of it', 300).nullable(),
});

export const perspectiveInput = z.object({
  agencyId: id.nullable().optional(),
  personRole: optionalText('the role of the person', 120).nullable(),
  account: requiredText('their account', 10_000),
});

export const sourceInput = z.object({
  kind: z.enum(Object.keys(sourceKinds) as [SourceKind, ...SourceKind[]], {
    error: 'Choose the kind of source',
  }),
  documentId: id.nullable().optional(),
  conversationId: id.nullable().optional(),
  reference: optionalText('the reference', 300).nullable(),
});

const eventFields = {
  occurredOn: isoDate('the date'),
  datePrecision: datePrecision.default('exact'),
  occurredTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Enter the time like 09:30 or 14:05' })
    .nullable()
    .optional(),
  endsOn: isoDate('the end date').nullable().optional(),
  agencyId: id,
  practitionerRole: optionalText('the practitioner’s role', 120).nullable(),
  summary: requiredText('what happened', 10_000),
  significance: significance.nullable().optional(),
  tags: z.array(requiredText('each tag', 40)).max(20).default([]),
  disputed: z.boolean().default(false),
  /** Agencies it was shared with, and when; the recording agency always knows from the event date. */
  sharedWith: z.array(knowledgeInput).max(50).default([]),
  perspectives: z.array(perspectiveInput).max(20).default([]),
  sources: z.array(sourceInput).max(20).default([]),
};

export const createChronologyEventInput = z
  .object(eventFields)
  .refine((e) => !e.endsOn || e.endsOn >= e.occurredOn, {
    error: 'The end date must be on or after the date',
    path: ['endsOn'],
  });
export type CreateChronologyEventInput = z.infer<typeof createChronologyEventInput>;

export const updateChronologyEventInput = z.object({
  occurredOn: eventFields.occurredOn.optional(),
  datePrecision: datePrecision.optional(),
  occurredTime: eventFields.occurredTime,
  endsOn: eventFields.endsOn,
  agencyId: id.optional(),
  practitionerRole: eventFields.practitionerRole,
  summary: eventFields.summary.optional(),
  significance: eventFields.significance,
  tags: z.array(requiredText('each tag', 40)).max(20).optional(),
  disputed: z.boolean().optional(),
  sharedWith: z.array(knowledgeInput).max(50).optional(),
  perspectives: z.array(perspectiveInput).max(20).optional(),
  sources: z.array(sourceInput).max(20).optional(),
  version,
});
export type UpdateChronologyEventInput = z.infer<typeof updateChronologyEventInput>;

export const chronologyEventDto = z.object({
  id,
  occurredOn: z.string(),
  datePrecision,
  occurredTime: z.string().nullable(),
  endsOn: z.string().nullable(),
  agencyId: id,
  agencyName: z.string(),
  practitionerRole: z.string().nullable(),
  summary: z.string(),
  significance: significance.nullable(),
  tags: z.array(z.string()),
  disputed: z.boolean(),
  knowledge: z.array(
    z.object({ agencyId: id, agencyName: z.string(), learnedOn: z.string(), how: z.string().nullable() }),
  ),
  perspectives: z.array(
    z.object({
      id,
      agencyId: id.nullable(),
      agencyName: z.string().nullable(),
      personRole: z.string().nullable(),
      account: z.string(),
    }),
  ),
  sources: z.array(
    z.object({
      id,
      kind: z.string(),
      documentId: id.nullable(),
      conversationId: id.nullable(),
      reference: z.string().nullable(),
    }),
  ),
  version: z.int(),
});
export type ChronologyEventDto = z.infer<typeof chronologyEventDto>;

export const listChronologyQuery = z.object({
  agencyId: id.optional(),
  from: isoDate('the from date').optional(),
  to: isoDate('the to date').optional(),
  tag: z.string().max(40).optional(),
  q: z.string().max(200).optional().describe('Words to find in what happened'),
  sort: z.enum(['date', '-date']).default('date'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const chronologyEventList = z.object({
  events: z.array(chronologyEventDto),
  total: z.int(),
  agencies: z
    .array(z.object({ id, name: z.string(), count: z.int() }))
    .describe('Agencies with events in this review'),
  abilities: z.object({ edit: z.boolean(), import: z.boolean() }),
});

export const tunnelQuery = z
  .object({
    agencyId: id.optional(),
    participantId: id.optional(),
    asOf: isoDate('the date to look from'),
  })
  .refine((v) => Boolean(v.agencyId) !== Boolean(v.participantId), {
    error: 'Choose an agency or a person, not both',
    path: ['agencyId'],
  });

export const tunnelViewDto = z.object({
  asOf: z.string(),
  agencyIds: z
    .array(id)
    .describe('The agencies whose knowledge is shown (a person sees through their agency)'),
  knownEventIds: z.array(id),
  hiddenCount: z.int(),
  events: z.array(chronologyEventDto).describe('Only the events known by then'),
});

/** The columns of the chronology import template, in order; the downloadable template uses them. */
export const importColumns = {
  date: { label: 'Date', required: true, hint: 'YYYY-MM-DD, or DD/MM/YYYY' },
  date_precision: {
    label: 'Date precision',
    required: false,
    hint: 'exact, month or approximate (exact if blank)',
  },
  time: { label: 'Time', required: false, hint: 'HH:MM, 24-hour' },
  end_date: { label: 'End date', required: false, hint: 'For something that went on over a period' },
  practitioner_role: {
    label: 'Practitioner role',
    required: false,
    hint: 'For example: health visitor. Never a name',
  },
  what_happened: { label: 'What happened', required: true, hint: 'The agency’s record of the event' },
  significance: { label: 'Significance', required: false, hint: 'low, medium or high' },
  tags: { label: 'Tags', required: false, hint: 'Separated by semicolons' },
  shared_with: {
    label: 'Shared with',
    required: false,
    hint: 'Agency short names separated by semicolons, each optionally with =YYYY-MM-DD',
  },
  source_reference: {
    label: 'Source reference',
    required: false,
    hint: 'Where in the agency’s records this comes from',
  },
} as const;
export type ImportColumn = keyof typeof importColumns;

export const importRowError = z.object({ row: z.int(), column: z.string(), reason: z.string() });
export type ImportRowError = z.infer<typeof importRowError>;

export const importPreviewDto = z.object({
  importId: id,
  filename: z.string(),
  agencyId: id,
  rowCount: z.int(),
  validCount: z.int(),
  errors: z.array(importRowError),
  columns: z.array(z.string()).describe('Column headings found in the file'),
  mapping: z.record(z.string(), z.string()).describe('Template column → file column'),
  sample: z.array(z.record(z.string(), z.unknown())).describe('The first rows as they will be imported'),
  duplicates: z
    .array(
      z.object({
        row: z.int(),
        eventId: id,
        occurredOn: z.string(),
        agencyName: z.string(),
        summary: z.string(),
        similarity: z.number(),
      }),
    )
    .describe(
      'Rows that look like an event another agency already recorded: candidates to merge as a perspective',
    ),
});
export type ImportPreviewDto = z.infer<typeof importPreviewDto>;

export const commitImportInput = z.object({
  /** Rows to add as perspectives of existing events instead of new events: row number → event id. */
  mergeRows: z.record(z.string(), id).default({}),
});

// Added with the server: path parameters, and the inputs and answers of the write, import and export routes.
export const chronologyEventParams = z.object({ partnershipId: id, reviewId: id, eventId: id });
export const chronologyImportParams = z.object({ partnershipId: id, reviewId: id, importId: id });

export const deleteChronologyEventQuery = z.object({
  version: z.coerce.number().int().min(1).optional().describe('The version the deletion is based on'),
});
export const deleteChronologyEventInput = z.object({ version: version.optional() }).default({});

export const mergeChronologyEventsInput = z.object({
  otherEventId: id,
  version,
  /** Whether the accounts disagree; the merged event is marked disputed only when the caller says so. */
  disputed: z.boolean().optional(),
});
export type MergeChronologyEventsInput = z.infer<typeof mergeChronologyEventsInput>;

export const exportFormats = ['csv', 'xlsx', 'docx'] as const;
export const exportChronologyQuery = listChronologyQuery
  .omit({ offset: true, limit: true })
  .extend({ format: z.enum(exportFormats, { error: 'Choose CSV, XLSX or DOCX' }).default('csv') });

export const templateQuery = z.object({
  format: z.enum(['csv', 'xlsx'], { error: 'Choose CSV or XLSX' }).default('csv'),
});

export const previewImportQuery = z.object({
  agencyId: id.describe('The agency whose chronology this is'),
  filename: z.string().trim().max(200).optional(),
  mapping: z
    .string()
    .max(4000)
    .optional()
    .describe('JSON: template column (or its label) → the file’s heading, to override the automatic match'),
});

export const importStatuses = { previewed: 'Checked', committed: 'Imported' } as const;
export const chronologyImportDto = z.object({
  importId: id,
  filename: z.string(),
  agencyId: id,
  status: z.enum(['previewed', 'committed']),
  rowCount: z.int(),
  validCount: z.int(),
  errorCount: z.int(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  eventsCreated: z.int().nullable().describe('After commit: new events'),
  perspectivesAdded: z.int().nullable().describe('After commit: rows merged into existing events'),
});
export type ChronologyImportDto = z.infer<typeof chronologyImportDto>;
