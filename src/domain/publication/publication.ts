import { z } from 'zod';
import { optionalText, timestamp } from '../shared/fields.ts';

/**
 * Whether the safeguarding partners publish the review's report. They publish unless it would be
 * inappropriate (for example to protect a child), and then they say why.
 */
export const publicationDecisions = {
  publish: 'Publish the report',
  not_publish: 'Do not publish the report',
  undecided: 'Not decided yet',
} as const;
export type PublicationDecision = keyof typeof publicationDecisions;
export const publicationDecision = z.enum(
  Object.keys(publicationDecisions) as [PublicationDecision, ...PublicationDecision[]],
  { error: 'Choose whether the report will be published' },
);

/** How a report that is published goes out: in full, with parts taken out, or later than planned. */
export const publicationForms = {
  full: 'In full',
  redacted: 'Redacted: with parts taken out',
  delayed: 'Delayed: for example until a trial or inquest ends',
} as const;
export type PublicationForm = keyof typeof publicationForms;
export const publicationForm = z.enum(
  Object.keys(publicationForms) as [PublicationForm, ...PublicationForm[]],
  { error: 'Choose in full, redacted or delayed' },
);

/** The fields of the record, as the form asks for them and as field errors name them. */
export const publicationFields = {
  decision: 'Decision',
  decisionReason: 'Reason for the decision',
  form: 'How it is published',
  formReason: 'Why it is redacted or delayed',
  panelNoticeSentOn: 'Notice sent to the Child Safeguarding Practice Review Panel',
  dfeNoticeSentOn: 'Notice sent to the Department for Education',
  plannedPublicationDate: 'Planned publication date',
  publishedOn: 'Date published',
  url: 'Address of the published report',
  removalDate: 'Date it comes down',
  repositorySentOn: 'Sent to the NSPCC national case review repository',
  notes: 'Notes',
} as const;
export type PublicationField = keyof typeof publicationFields;

const date = (label: string) =>
  z.iso
    .date({ error: `Enter ${label} as a real date, like 2027-03-02` })
    .nullable()
    .optional();

/**
 * The whole publication record, sent at once with the version it was based on (0 before anyone has
 * recorded anything). A field left out or empty is cleared.
 */
export const recordPublicationInput = z.object({
  version: z
    .int({ error: 'Version must be a whole number' })
    .min(0)
    .describe('The version of the record the change was based on (0 before anything is recorded)'),
  decision: publicationDecision,
  decisionReason: optionalText('the reason for the decision', 5_000)
    .nullable()
    .describe('Why the report is not published (required then); optional otherwise'),
  form: publicationForm.nullable().optional().describe('Only when the decision is to publish'),
  formReason: optionalText('the reason it is redacted or delayed', 5_000)
    .nullable()
    .describe('Required when the report is redacted or delayed'),
  panelNoticeSentOn: date('the date notice was sent to the national panel').describe(
    'The day the report (or information about improvements) was sent to the Child Safeguarding Practice Review Panel before publication',
  ),
  dfeNoticeSentOn: date('the date notice was sent to the Department for Education').describe(
    'The day it was sent to the Department for Education before publication',
  ),
  plannedPublicationDate: date('the planned publication date'),
  publishedOn: date('the date it was published'),
  url: optionalText('the address', 2_000)
    .nullable()
    .describe('Where the report is published: an https address'),
  removalDate: date('the date it comes down').describe(
    'The day it may come down from the website: no earlier than 12 months after publication',
  ),
  repositorySentOn: date('the date it was sent to the NSPCC repository').describe(
    'The day it was sent to the NSPCC national case review repository',
  ),
  notes: optionalText('the notes', 10_000).nullable(),
});
export type RecordPublicationInput = z.infer<typeof recordPublicationInput>;
/** The body as a client sends it. */
export type RecordPublicationBody = z.input<typeof recordPublicationInput>;

const isoDate = z.iso.date();

export const publicationDto = z.object({
  version: z.int().describe('0 until someone first records anything'),
  decision: publicationDecision,
  decisionLabel: z.string(),
  decisionReason: z.string().nullable(),
  form: publicationForm.nullable(),
  formLabel: z.string().nullable(),
  formReason: z.string().nullable(),
  panelNoticeSentOn: isoDate.nullable(),
  dfeNoticeSentOn: isoDate.nullable(),
  plannedPublicationDate: isoDate.nullable(),
  publishedOn: isoDate.nullable(),
  url: z.string().nullable(),
  earliestRemovalDate: isoDate
    .nullable()
    .describe(
      '12 months after the publication date (the date published, or else the planned date); none without one',
    ),
  removalDate: isoDate.nullable(),
  repositorySentOn: isoDate.nullable(),
  notes: z.string().nullable(),
  checks: z.array(z.string()).describe('What is still needed for a complete publication record'),
  updatedAt: timestamp.nullable(),
  updatedByName: z.string().nullable(),
  abilities: z.object({ record: z.boolean() }),
});
export type PublicationDto = z.infer<typeof publicationDto>;
