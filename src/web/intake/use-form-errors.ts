import { useState } from 'react';
import type { ApiError } from '../api/client.ts';
import { useFormProblem } from '../components/form-problem.ts';

/**
 * The problems a form shows: typing mistakes found before sending (such as a date with no month),
 * or else what the server answered. Both appear the same way: error summary and inline messages.
 */
export function useFormErrors(mutation: { error: unknown; reset: () => void }, fieldIds: readonly string[]) {
  const [typed, setTyped] = useState<ApiError | null>(null);
  const problem = useFormProblem(typed ?? mutation.error, fieldIds);
  return {
    problem,
    /** Shows mistakes found before sending, replacing any earlier answer from the server. */
    onInvalid: (error: ApiError) => {
      mutation.reset();
      setTyped(error);
    },
    /** Clears mistakes found before sending, when the form is sent. */
    sending: () => setTyped(null),
  };
}

/** What a page shows in its success banner after a move from a form. */
export type BannerState = { banner?: string; detail?: string } | null;
