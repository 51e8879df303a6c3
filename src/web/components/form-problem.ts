import { useMemo } from 'react';
import { ApiError, serviceProblemMessage } from '../api/client.ts';
import type { ErrorSummaryItem } from './error-summary.tsx';

export type FormProblem = {
  /** What the error summary lists. */
  items: ErrorSummaryItem[];
  /** The inline message for each field that has one. */
  fields: Record<string, string>;
  code: string;
};

/**
 * Turns a failed save into what the form shows: the server's field errors (linked to the fields
 * named in `fieldIds`), or its message for anything else, such as a stale version or a throttle.
 */
export function formProblem(error: unknown, fieldIds: readonly string[]): FormProblem | null {
  if (!error) return null;
  if (!(error instanceof ApiError))
    return { items: [{ message: serviceProblemMessage }], fields: {}, code: 'internal' };
  if (error.fields.length === 0) return { items: [{ message: error.message }], fields: {}, code: error.code };
  const fields: Record<string, string> = {};
  const items: ErrorSummaryItem[] = [];
  for (const { path, message } of error.fields) {
    const field = fieldIds.includes(path) ? path : undefined;
    if (field && fields[field]) continue;
    if (field) fields[field] = message;
    items.push({ field, message });
  }
  return { items, fields, code: error.code };
}

/** The form problem for an error, kept the same between renders so the summary takes focus once. */
export function useFormProblem(error: unknown, fieldIds: readonly string[]): FormProblem | null {
  const key = fieldIds.join(' ');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the field list is compared by its contents
  return useMemo(() => formProblem(error, fieldIds), [error, key]);
}
