import type { ReferenceKind } from '#domain/reference/reference.ts';

/** What one item of each kind's list is called, and the list's name. */
const items: Record<ReferenceKind, { list: string; item: string; listLabel: string }> = {
  typology: { list: 'categories', item: 'Category', listLabel: 'Categories' },
  factors: { list: 'groups', item: 'Factor group', listLabel: 'Factor groups' },
  appraisal: { list: 'grades', item: 'Grade', listLabel: 'Grades' },
  language: { list: 'rules', item: 'Rule', listLabel: 'Rules' },
};

/** The words for each field of an item, as the page shows them. */
const fieldLabels: Record<string, string> = {
  code: 'code',
  name: 'name',
  laterName: 'name in later reports',
  definition: 'definition',
  key: 'key',
  label: 'label',
  hint: 'hint',
  types: 'types',
  description: 'description',
  id: 'id',
  category: 'category',
  phrases: 'phrases',
  reason: 'reason',
  suggestion: 'suggestion',
  replacements: 'replacements',
};

const singular: Record<string, string> = { types: 'type', phrases: 'phrase' };

/**
 * Where in the content a problem is, in words: `content.rules.3.reason` is "Rule 4", and
 * `content.rules.4.phrases.0` is "Rule 5, phrase 1". Null for the content as a whole.
 */
export function contentPlace(kind: ReferenceKind, path: string): string | null {
  const parts = path.split('.');
  if (parts[0] === 'content') parts.shift();
  if (parts.length === 0) return null;
  const { list, item, listLabel } = items[kind];
  const [top, index, field, sub, ...rest] = parts;
  if (top !== list) return fieldLabels[top as string] ?? top ?? null;
  if (index === undefined) return listLabel;
  const n = Number(index);
  const words = [Number.isInteger(n) ? `${item} ${n + 1}` : `${item} “${index}”`];
  if (field !== undefined) {
    const label = fieldLabels[field] ?? field;
    if (sub === undefined) words.push(label);
    else if (field === 'replacements') words.push(`replacement for “${[sub, ...rest].join('.')}”`);
    else {
      const m = Number(sub);
      words.push(Number.isInteger(m) ? `${singular[field] ?? label} ${m + 1}` : label);
    }
  }
  return words.join(', ');
}

/** Whether a message already says what it is about, so that only the item needs naming. */
const namesItsField = (message: string) => !/^(This |Invalid |Give (at least|no more) \d)/.test(message);

/**
 * A problem with the content as the error summary lists it: "Rule 4: Say why the wording is a
 * problem", or "Rule 4, reason: This is missing" where the message does not name the field.
 */
export function describeContentProblem(kind: ReferenceKind, path: string, message: string): string {
  const place = contentPlace(kind, path);
  if (!place) return `Content: ${message}`;
  const [top, index, field] = path.replace(/^content\.?/, '').split('.');
  const isItem = top === items[kind].list && index !== undefined;
  if (isItem && field !== undefined && namesItsField(message)) {
    // Keep the item, and a nested position (such as "phrase 2"), but drop a field the message names.
    const [itemWords, ...more] = place.split(', ');
    const nested = more.filter((w) => !Object.values(fieldLabels).includes(w));
    return `${[itemWords, ...nested].join(', ')}: ${message}`;
  }
  if (!isItem && namesItsField(message)) return message;
  return `${place}: ${message}`;
}
