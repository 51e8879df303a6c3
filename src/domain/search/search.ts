import { z } from 'zod';
import { id } from '../shared/fields.ts';

export const searchEvidenceQuery = z.object({
  q: z
    .string({ error: 'Enter the words to search for' })
    .trim()
    .min(2, { error: 'Enter at least 2 characters to search for' })
    .max(200, { error: 'Search for 200 characters or fewer' }),
  kinds: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',') : ['document', 'conversation', 'event']))
    .pipe(
      z.array(
        z.enum(['document', 'conversation', 'event'], { error: 'Search documents, conversations or events' }),
      ),
    )
    .describe('Comma-separated: document, conversation, event'),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

/** A piece of a snippet: matched words are marked so the page can highlight them without HTML. */
export const snippetPart = z.object({ text: z.string(), match: z.boolean() });

export const searchResultDto = z.object({
  kind: z.enum(['document', 'conversation', 'event']),
  id,
  title: z.string(),
  snippet: z.array(snippetPart),
  date: z.string().nullable(),
  rank: z.number(),
  path: z.string().describe('Where the result lives in the web app'),
});
export type SearchResultDto = z.infer<typeof searchResultDto>;

export const searchResults = z.object({ query: z.string(), results: z.array(searchResultDto) });

const START = '\u0002';
const STOP = '\u0003';
/** The markers the database puts around matched words in a headline. */
export const headlineOptions = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
/** The same markers around every matched word of the whole text, for a short text shown in full. */
export const highlightAllOptions = `StartSel=${START}, StopSel=${STOP}, HighlightAll=true`;

/** Splits a database headline into plain-text parts, matched or not, so nothing is rendered as HTML. */
export function snippetParts(headline: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  let match = false;
  for (const piece of headline.split(new RegExp(`([${START}${STOP}])`))) {
    if (piece === START) match = true;
    else if (piece === STOP) match = false;
    else if (piece) parts.push({ text: piece, match });
  }
  return parts;
}
