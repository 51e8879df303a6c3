import { z } from 'zod';
import { agencySector, agencySectors } from '../partnership/agency.ts';
import { reviewType, reviewTypes } from '../review/review.ts';
import { snippetPart } from '../search/search.ts';
import { id, timestamp } from '../shared/fields.ts';

/*
 * The learning library: every agreed or final finding of a partnership's reviews, with the
 * published findings of older reviews imported from CSV, searchable across reviews. A partnership
 * may share its published findings with every partnership (the national view). What the library
 * holds is the anonymised text: each entry is pseudonymised with its review's register when the
 * finding is agreed, changed or published.
 */

/** Theme tags a finding can carry, in the words of national reviews and the Panel's annual reports. */
export const libraryThemes = {
  neglect: 'Neglect',
  domestic_abuse: 'Domestic abuse',
  parental_mental_health: 'Parental mental health',
  substance_misuse: 'Parental substance misuse',
  non_accidental_injury: 'Physical abuse and non-accidental injury',
  safer_sleep: 'Sudden unexpected infant death and safer sleep',
  sexual_abuse: 'Child sexual abuse',
  exploitation: 'Criminal and sexual exploitation',
  child_mental_health: 'Children’s mental health and self-harm',
  disabled_children: 'Disabled children',
  men_in_families: 'Fathers and men in the household',
  voice_of_the_child: 'The voice of the child',
  information_sharing: 'Information sharing',
  professional_curiosity: 'Professional curiosity',
} as const;
export type LibraryTheme = keyof typeof libraryThemes;
export const libraryTheme = z.enum(Object.keys(libraryThemes) as [LibraryTheme, ...LibraryTheme[]], {
  error: 'Choose themes from the list',
});

/** Which findings a search covers: this partnership's, or every partnership's shared published findings. */
export const libraryScopes = {
  partnership: 'Our partnership',
  national: 'All partnerships that share',
} as const;
export type LibraryScope = keyof typeof libraryScopes;

/** A comma-separated list in a query string, each value checked against a schema. */
function listParam<T extends z.ZodType<unknown, string>>(item: T, describe: string) {
  return z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    )
    .pipe(z.array(item).max(50, { error: 'Choose 50 values or fewer' }))
    .describe(`Comma-separated: ${describe}`);
}

export const searchLibraryQuery = z.object({
  q: z
    .string()
    .trim()
    .max(200, { error: 'Search for 200 characters or fewer' })
    .optional()
    .describe('Words to search for (web search syntax: "a phrase", -not, or); empty lists every finding'),
  scope: z
    .enum(['partnership', 'national'], { error: 'Choose our partnership or all partnerships' })
    .default('partnership'),
  typology: listParam(z.string().max(40), 'typology category codes'),
  factorGroup: listParam(z.string().max(40), 'contributory-factor group keys'),
  theme: listParam(libraryTheme, Object.keys(libraryThemes).join(', ')),
  year: listParam(
    z
      .string()
      .regex(/^(19|20)\d\d$/, { error: 'Choose years as four digits, like 2024' })
      .transform(Number),
    'years, like 2024',
  ),
  agencySector: listParam(agencySector, Object.keys(agencySectors).join(', ')),
  reviewType: listParam(reviewType, Object.keys(reviewTypes).join(', ')),
  page: z.coerce.number({ error: 'Page must be a whole number' }).int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchLibraryQuery = z.output<typeof searchLibraryQuery>;

export const libraryEntryDto = z.object({
  id,
  source: z
    .enum(['review', 'import'])
    .describe('A finding of a review in Sightlines, or one imported from CSV'),
  partnershipName: z.string(),
  own: z.boolean().describe('Whether it is one of this partnership’s findings'),
  reviewTitle: z.string(),
  reviewType,
  reviewTypeLabel: z.string(),
  findingNumber: z.int().nullable(),
  statement: z.string(),
  statementParts: z.array(snippetPart).describe('The statement with the matched words marked'),
  snippet: z.array(snippetPart).describe('The best matching passage of the other text, marked'),
  whyItMatters: z.string(),
  typology: z.object({ code: z.string(), name: z.string() }).nullable(),
  themes: z.array(z.object({ key: libraryTheme, label: z.string() })),
  factorGroups: z.array(z.object({ key: z.string(), label: z.string() })),
  agencySectors: z.array(z.object({ key: agencySector, label: z.string() })),
  year: z.int(),
  publishedOn: z.iso.date().nullable(),
  published: z.boolean(),
  reportUrl: z.string().nullable(),
  path: z.string().nullable().describe('Where the finding lives in the web app, when the person may open it'),
  rank: z.number(),
});
export type LibraryEntryDto = z.infer<typeof libraryEntryDto>;

/** One value of a facet with the number of matching findings that have it (given the other facets). */
export const facetValue = z.object({
  value: z.string(),
  label: z.string(),
  count: z.int(),
  selected: z.boolean(),
});
export type FacetValue = z.infer<typeof facetValue>;

export const librarySearchResult = z.object({
  query: z.string(),
  scope: z.enum(['partnership', 'national']),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
  entries: z.array(libraryEntryDto),
  facets: z.object({
    typology: z.array(facetValue),
    factorGroup: z.array(facetValue),
    theme: z.array(facetValue),
    year: z.array(facetValue),
    agencySector: z.array(facetValue),
    reviewType: z.array(facetValue),
  }),
  sharing: z.object({
    shared: z.boolean().describe('Whether this partnership shares its published findings'),
    partnershipsSharing: z.int(),
  }),
  abilities: z.object({ manage: z.boolean() }),
});
export type LibrarySearchResult = z.infer<typeof librarySearchResult>;

export const similarFindingsQuery = z.object({
  text: z
    .string({ error: 'Enter the words of the finding' })
    .trim()
    .min(12, { error: 'Write at least 12 characters of the finding to look for similar ones' })
    .max(2_000, { error: 'Send 2,000 characters or fewer' }),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});

export const similarFindingDto = libraryEntryDto
  .pick({
    id: true,
    partnershipName: true,
    own: true,
    reviewTitle: true,
    reviewTypeLabel: true,
    statement: true,
    statementParts: true,
    typology: true,
    themes: true,
    year: true,
    published: true,
    path: true,
  })
  .extend({ similarity: z.number().describe('0 to 1: how closely it resembles the text') });
export type SimilarFindingDto = z.infer<typeof similarFindingDto>;
export const similarFindings = z.object({ findings: z.array(similarFindingDto) });

export const librarySettingsDto = z.object({
  shareNationally: z.boolean(),
  changedAt: timestamp.nullable(),
  publishedFindings: z.int().describe('How many published findings would be shared'),
  imports: z.array(
    z.object({
      id,
      fileName: z.string(),
      rows: z.int(),
      importedByName: z.string().nullable(),
      importedAt: timestamp,
    }),
  ),
  version: z.int().describe('0 before the first change'),
  abilities: z.object({ manage: z.boolean() }),
});
export type LibrarySettingsDto = z.infer<typeof librarySettingsDto>;

export const updateLibrarySettingsInput = z.object({
  version: z.int().min(0).describe('The version the change was based on (0 before the first change)'),
  shareNationally: z.boolean({ error: 'Choose whether to share published findings' }),
});

/**
 * The columns of an import of older published findings, one finding a row. Lists inside a cell
 * (themes, factor groups, agency sectors) are separated by semicolons.
 */
export const libraryImportColumns = {
  review_title: 'The review’s published name, like Child T',
  review_type: `One of ${Object.keys(reviewTypes).join(', ')}`,
  published_on: 'The date the report was published, like 2022-05-31',
  statement: 'The finding in one sentence',
  why_it_matters: 'Optional: why it matters',
  how_it_showed: 'Optional: how it showed in the case',
  typology: 'Optional: a typology category code',
  themes: 'Optional: theme keys separated by semicolons',
  factor_groups: 'Optional: contributory-factor group keys separated by semicolons',
  agency_sectors: 'Optional: agency sector keys separated by semicolons',
  report_url: 'Optional: where the report is published',
} as const;
export const requiredImportColumns = ['review_title', 'review_type', 'published_on', 'statement'] as const;

export const importLibraryInput = z.object({
  fileName: z.string().trim().min(1).max(200).default('findings.csv'),
  csv: z
    .string({ error: 'Attach the CSV file' })
    .min(1, { error: 'The file is empty' })
    .max(5_000_000, { error: 'The file must be 5 MB or smaller' }),
});

export const libraryImportResult = z.object({
  id,
  rows: z.int(),
  reviews: z.int().describe('How many distinct reviews the rows came from'),
});

/** A problem with one row of an import: the row number as a spreadsheet shows it (the header is row 1). */
export type ImportRowProblem = { row: number; column: string; message: string };

export const libraryParams = z.object({ partnershipId: id });
/** The path of one import; named apart from a chronology import's `importId`. */
export const libraryImportParams = z.object({ partnershipId: id, libraryImportId: id });
