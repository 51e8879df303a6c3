import { z } from 'zod';

/** The kinds of wording the check looks for, each with why it matters in a systems review. */
export const languageCategories = {
  hindsight: 'Hindsight',
  blame: 'Blame',
  certainty: 'Certainty',
  outcome: 'Outcome',
} as const;
export type LanguageCategory = keyof typeof languageCategories;

/** One rule of the hindsight and blame language check. */
export const languageRule = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{2,60}$/, { error: 'Give the rule an id of lower-case letters, digits and hyphens' }),
  category: z.enum(Object.keys(languageCategories) as [LanguageCategory, ...LanguageCategory[]], {
    error: 'Choose hindsight, blame, certainty or outcome',
  }),
  phrases: z
    .array(z.string().trim().min(2, { error: 'Each phrase needs at least 2 characters' }).max(80))
    .min(1, { error: 'Give at least one phrase' })
    .max(30),
  reason: z.string().trim().min(1, { error: 'Say why the wording is a problem' }).max(400),
  suggestion: z.string().trim().min(1, { error: 'Suggest a neutral way to say it' }).max(400),
  replacements: z
    .record(z.string().trim().min(2).max(80), z.string().trim().max(80))
    .optional()
    .describe('For some phrases, neutral words that can replace them as they stand'),
});
export type LanguageRule = z.infer<typeof languageRule>;

/** A phrase the check found, with where it is in the text. */
export const languageFlag = z.object({
  ruleId: z.string(),
  category: z.string(),
  phrase: z.string().describe('The words as written'),
  start: z.int().describe('Offset of the first character, in UTF-16 code units'),
  end: z.int(),
  reason: z.string(),
  suggestion: z.string(),
  replacement: z.string().nullable(),
});
export type LanguageFlag = z.infer<typeof languageFlag>;

/** A phrase as the replacements are keyed: lower case, single spaces, straight apostrophes. */
export const normalise = (phrase: string) =>
  phrase.trim().toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A phrase as a pattern: whole words, any run of spaces between them, straight or curly apostrophes. */
function phrasePattern(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) => escapeRegExp(word).replace(/['’]/g, "['’]"))
    .join('\\s+');
}

/**
 * Spans of quoted speech, which the check leaves alone: a reviewer may quote what someone said or
 * wrote, and the words are theirs. Curly quotes pair by direction; straight double quotes pair in
 * order. Single quotes are not treated as quotation marks, since they double as apostrophes.
 */
export function quotedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const pattern = /“[^”]*”|"[^"]*"/g;
  for (const m of text.matchAll(pattern)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/**
 * The hindsight and blame language check: every place the text uses a phrase from the rules, except
 * inside quoted speech, in the order they appear. Overlapping matches keep the longest, earliest one.
 */
export function checkLanguage(text: string, rules: readonly LanguageRule[]): LanguageFlag[] {
  if (!text) return [];
  const quotes = quotedSpans(text);
  const inQuote = (start: number, end: number) => quotes.some(([a, b]) => start >= a && end <= b);
  const found: LanguageFlag[] = [];
  for (const rule of rules) {
    const alternatives = [...rule.phrases].sort((a, b) => b.length - a.length).map(phrasePattern);
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (inQuote(start, end)) continue;
      const replacement = rule.replacements?.[normalise(m[0])];
      found.push({
        ruleId: rule.id,
        category: rule.category,
        phrase: m[0],
        start,
        end,
        reason: rule.reason,
        suggestion: rule.suggestion,
        replacement: replacement ?? null,
      });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: LanguageFlag[] = [];
  for (const f of found) {
    const last = kept.at(-1);
    if (last && f.start < last.end) continue;
    kept.push(f);
  }
  return kept;
}

/** The text with one flagged phrase replaced by the rule's replacement, keeping a capital first letter. */
export function applyReplacement(text: string, flag: LanguageFlag): string {
  if (flag.replacement === null) return text;
  const original = text.slice(flag.start, flag.end);
  if (original !== flag.phrase) return text;
  const first = original.charAt(0);
  const replacement =
    first === first.toUpperCase() && first !== first.toLowerCase()
      ? flag.replacement.charAt(0).toUpperCase() + flag.replacement.slice(1)
      : flag.replacement;
  return text.slice(0, flag.start) + replacement + text.slice(flag.end);
}

/** The language rules Sightlines starts with (version 1). */
export const builtInLanguageRules: LanguageRule[] = [
  {
    id: 'failed-to',
    category: 'blame',
    phrases: ['failed to', 'fails to', 'failing to', 'failure to', 'failure of'],
    reason: '“Failed to” judges the person and reads as blame before the reasons are understood.',
    suggestion: 'Say what happened (“did not”), then explain what made that the likely course at the time.',
    replacements: { 'failed to': 'did not', 'fails to': 'does not' },
  },
  {
    id: 'should-have',
    category: 'hindsight',
    phrases: ['should have', "should've", 'ought to have', 'could have prevented', 'would have prevented'],
    reason: 'Knowing the outcome makes the right course look clearer than it was at the time.',
    suggestion:
      'Name the standard the practice is judged against (“the procedure expected…”) and what was knowable then.',
  },
  {
    id: 'missed-opportunity',
    category: 'hindsight',
    phrases: ['missed opportunity', 'missed opportunities', 'missed chance', 'missed the chance'],
    reason:
      'An opportunity is only “missed” once the outcome is known; at the time it was one of many moments.',
    suggestion: 'Describe the moment and what it would have taken for it to go differently.',
    replacements: { 'missed opportunity': 'opportunity', 'missed opportunities': 'opportunities' },
  },
  {
    id: 'obviously',
    category: 'certainty',
    phrases: ['obviously', 'obvious', 'it was clear that', 'clearly'],
    reason: 'What is obvious now may not have been obvious to the people there at the time.',
    suggestion: 'Say what the information was and who had it, and let the reader judge.',
  },
  {
    id: 'with-hindsight',
    category: 'hindsight',
    phrases: ['with hindsight', 'in hindsight', 'with the benefit of hindsight', 'looking back'],
    reason: 'Hindsight belongs in the separate “what hindsight shows” field, apart from the appraisal.',
    suggestion: 'Move this to “What hindsight shows”, and appraise only against what was knowable then.',
  },
  {
    id: 'should-not-have',
    category: 'blame',
    phrases: ['should not have', "shouldn't have", 'inexcusable', 'negligent', 'negligence'],
    reason: 'Words of fault belong to disciplinary processes, not to a review of the system.',
    suggestion: 'Describe the practice, the standard it is judged against and why it made sense then.',
  },
  {
    id: 'warning-signs',
    category: 'outcome',
    phrases: ['warning signs', 'red flags', 'tragedy could have been avoided', 'preventable'],
    reason:
      'Calling signs “warnings” assumes the outcome they led to; at the time they were mixed with other signals.',
    suggestion: 'Name the information and what else was competing for attention at the time.',
    replacements: { 'warning signs': 'signs', 'red flags': 'signs' },
  },
  {
    id: 'lack-of',
    category: 'blame',
    phrases: ['lack of professional curiosity', 'lacked professional curiosity', 'complacent', 'complacency'],
    reason: 'A judgement of a person’s attitude explains nothing about the system around them.',
    suggestion: 'Describe what was asked and not asked, and what shaped the questions people asked.',
  },
];
