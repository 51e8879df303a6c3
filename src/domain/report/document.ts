import { z } from 'zod';

/*
 * The report as a document model: one tree of sections and blocks, in the Learning Together
 * structure, from which the DOCX, the PDF and the HTML are all rendered. Nothing format-specific
 * lives here; a renderer only decides how a heading, a paragraph, a list or a table looks.
 *
 * Section ids are stable across versions ("introduction", "introduction.why-this-case",
 * "findings.finding-2", "appendices.glossary") so comments, the identifier scan and the comparison
 * of two versions can point at a place in the report.
 */

export const blockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraph'), text: z.string() }),
  z.object({
    kind: z.literal('heading'),
    text: z
      .string()
      .describe('A minor heading inside a section (a part of a finding’s block); not in the contents'),
  }),
  z.object({ kind: z.literal('list'), ordered: z.boolean(), items: z.array(z.string()) }),
  z.object({
    kind: z.literal('table'),
    caption: z.string(),
    columns: z.array(z.string()),
    rows: z.array(z.array(z.string())),
  }),
]);
export type Block = z.infer<typeof blockSchema>;

/** Where the content of a section comes from: the review's data, the authors' writing, or both. */
export const sectionOrigins = {
  generated: 'Made from the review’s records',
  narrative: 'Written by the lead reviewers',
  mixed: 'Made from the records, with the lead reviewers’ writing',
} as const;
export type SectionOrigin = keyof typeof sectionOrigins;

export type Section = {
  id: string;
  title: string;
  origin: SectionOrigin;
  blocks: Block[];
  sections: Section[];
};

export const sectionSchema: z.ZodType<Section> = z.lazy(() =>
  z.object({
    id: z.string(),
    title: z.string(),
    origin: z.enum(['generated', 'narrative', 'mixed']),
    blocks: z.array(blockSchema),
    sections: z.array(sectionSchema),
  }),
);

export const reportDocumentSchema = z.object({
  schemaVersion: z.literal(1),
  title: z.string().describe('The review’s pseudonymous title, like “Child A”'),
  subtitle: z.string().describe('Like “Local child safeguarding practice review”'),
  partnershipName: z.string(),
  versionNumber: z.int(),
  generatedOn: z.iso.date(),
  sections: z.array(sectionSchema),
});
export type ReportDocument = z.infer<typeof reportDocumentSchema>;
