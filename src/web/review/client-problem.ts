import type { FormProblem } from '../components/form-problem.ts';

/**
 * Problems found before sending (such as a date that is not a real date), in the shape the form
 * shows for the server's problems: listed in the order of `fieldIds`, each linked to its field.
 */
export function clientProblem(
  errors: Record<string, string>,
  fieldIds: readonly string[],
): FormProblem | null {
  const fields = Object.fromEntries(Object.entries(errors).filter(([, message]) => Boolean(message)));
  const ids = Object.keys(fields).sort((a, b) => order(fieldIds, a) - order(fieldIds, b));
  if (ids.length === 0) return null;
  return {
    items: ids.map((field) => ({ field, message: fields[field] as string })),
    fields,
    code: 'validation_failed',
  };
}

function order(fieldIds: readonly string[], id: string): number {
  const index = fieldIds.indexOf(id);
  return index < 0 ? fieldIds.length : index;
}
