import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ErrorSummaryItem } from '../components/error-summary.tsx';
import type { FormProblem } from '../components/form-problem.ts';

/** Tells the page about a problem with one of its forms (`null` once there is none). */
export type ReportProblem = (source: string, problem: FormProblem | null) => void;

/** Reports a form's problem to the page while the form shows it, and clears it when the form goes. */
export function useReportProblem(report: ReportProblem, source: string, problem: FormProblem | null) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: reports each new problem once
  useEffect(() => {
    report(source, problem);
    return () => report(source, null);
  }, [problem, source]);
}

/**
 * The problems of every form on a page, for its one error summary: each form reports its own, and
 * the list changes only when one of them does, so the summary takes focus once for each new problem.
 */
export function usePageProblems() {
  const [problems, setProblems] = useState<Record<string, FormProblem>>({});
  const report = useCallback<ReportProblem>((source, problem) => {
    setProblems((current) => {
      if (problem) return current[source] === problem ? current : { ...current, [source]: problem };
      if (!(source in current)) return current;
      const { [source]: _gone, ...rest } = current;
      return rest;
    });
  }, []);
  const items = useMemo<ErrorSummaryItem[]>(
    () => Object.values(problems).flatMap((p) => p.items),
    [problems],
  );
  return { items, report };
}
