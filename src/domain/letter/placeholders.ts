/**
 * Placeholders in letter templates: `{{participant.name}}` and the like, filled in when a letter is
 * generated. Pure functions, so the rules are the same on the server and in the web app.
 */

/** Every placeholder a template may use, with what it becomes. */
export const letterPlaceholders = {
  'participant.name': 'The name of the person the letter is to',
  'participant.role': 'Their role in the review, like “case group member”',
  'participant.jobTitle': 'Their job title, where it is recorded',
  'participant.agency': 'Their agency, where it is recorded',
  'review.title': 'The review’s pseudonymous title, like “Child A”',
  'partnership.name': 'The name of the safeguarding partnership',
  leadReviewers: 'The lead reviewers’ names, like “Sam Lee and Ola Ade”',
  'businessManager.name': 'The name of the review’s business manager',
  'businessManager.email': 'The business manager’s email address',
  today: 'Today’s date, like “2 March 2026”',
} as const;
export type LetterPlaceholder = keyof typeof letterPlaceholders;

export type PlaceholderValues = Record<LetterPlaceholder, string>;

const placeholderPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

const isKnown = (name: string): name is LetterPlaceholder => Object.hasOwn(letterPlaceholders, name);

/** The placeholder names a template uses, in order of first use. */
export function placeholdersIn(body: string): string[] {
  return [...new Set([...body.matchAll(placeholderPattern)].map((m) => m[1] ?? ''))];
}

/**
 * What is wrong with a template's placeholders, as messages for the person editing it: names that
 * are not placeholders, and braces that open a placeholder but never close it.
 */
export function templateProblems(body: string): string[] {
  const problems = placeholdersIn(body)
    .filter((name) => !isKnown(name))
    .map((name) => `{{${name}}} is not a placeholder you can use. Check the list of placeholders`);
  const withoutPlaceholders = body.replace(placeholderPattern, '');
  if (withoutPlaceholders.includes('{{') || withoutPlaceholders.includes('}}')) {
    problems.push('Each placeholder must start with {{ and end with }}, like {{participant.name}}');
  }
  return problems;
}

/** Replaces each known placeholder with its value; anything else is left as written. */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(placeholderPattern, (whole, name: string) => (isKnown(name) ? values[name] : whole));
}

/** Names joined as people write them: "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
