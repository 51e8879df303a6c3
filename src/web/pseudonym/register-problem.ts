import { ApiError, serviceProblemMessage } from '../api/client.ts';
import type { ErrorSummaryItem } from '../components/error-summary.tsx';

/** The fields of the entry form, each with the id `entry-<field>`. */
export const entryFields = ['category', 'realValue', 'variants', 'replacement', 'note'] as const;
export type EntryField = (typeof entryFields)[number];
export const entryFieldId = (field: EntryField) => `entry-${field}`;
/** The id of a row's "Change" button, which the error summary links to for rows not in the form. */
export const changeButtonId = (row: number) => `change-row-${row}`;

export type RegisterProblem = {
  items: ErrorSummaryItem[];
  /** Inline messages for the entry form's fields (for the row the form was saving). */
  fields: Partial<Record<EntryField, string>>;
  code: string;
};

/**
 * Turns a refused save of the whole register into what the page shows. Each of the server's field
 * errors (such as `entries.2.replacement`) is listed as "Row 3: …"; those on the row the form was
 * saving (`formRow`, counted from 0) link to the form's field and show beside it, and those on other
 * rows link to that row's "Change" button. Anything else, such as a stale version, is listed as said.
 */
export function registerProblem(
  error: unknown,
  formRow: number | null,
  canChange = true,
): RegisterProblem | null {
  if (!error) return null;
  if (!(error instanceof ApiError))
    return { items: [{ message: serviceProblemMessage }], fields: {}, code: 'internal' };
  if (error.fields.length === 0) return { items: [{ message: error.message }], fields: {}, code: error.code };
  const items: ErrorSummaryItem[] = [];
  const fields: RegisterProblem['fields'] = {};
  for (const { path, message } of error.fields) {
    const match = /^entries\.(\d+)\.(\w+)/.exec(path);
    if (!match) {
      items.push({ message });
      continue;
    }
    const index = Number(match[1]);
    const field = entryFields.find((f) => f === match[2]);
    const inForm = index === formRow && field !== undefined;
    if (inForm && field) fields[field] ??= message;
    items.push({
      field: inForm && field ? entryFieldId(field) : canChange ? changeButtonId(index + 1) : undefined,
      message: `Row ${index + 1}: ${message}`,
    });
  }
  return { items, fields, code: error.code };
}
