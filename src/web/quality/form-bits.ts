import { ApiError } from '../api/client.ts';
import type { FormProblem } from '../components/form-problem.ts';
import { clientProblem } from '../review/client-problem.ts';
import { type DateParts, parseDateParts } from '../review/dates.ts';

/** The hint under a date input. */
export const dateHint = 'For example, 2 3 2027';

/**
 * The server's field errors renamed to the ids of one form's fields, for a page holding several
 * forms whose fields share a name (such as one "date received" for each request).
 */
export function renamed(error: unknown, names: Record<string, string>): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const fields = error.fields.map((f) => ({ ...f, path: names[f.path] ?? f.path }));
  return new ApiError(error.status, error.code, error.message, { fields });
}

type DateQuestion = { id: string; parts: DateParts; label: string; required?: boolean };

/**
 * Reads a form's dates before sending: each as `YYYY-MM-DD` (null when left blank), or the problems
 * found, in the shape the form shows for the server's own.
 */
export function readDates(
  questions: DateQuestion[],
): { dates: Record<string, string | null> } | { problem: FormProblem } {
  const dates: Record<string, string | null> = {};
  const errors: Record<string, string> = {};
  for (const q of questions) {
    const read = parseDateParts(q.parts, q.label);
    if (!read.ok) errors[q.id] = read.message;
    else if (!read.iso && q.required) errors[q.id] = `Enter ${q.label}`;
    else dates[q.id] = read.iso;
  }
  const problem = clientProblem(
    errors,
    questions.map((q) => q.id),
  );
  return problem ? { problem } : { dates };
}
