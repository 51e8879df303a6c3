import { useMemo } from 'react';
import { type ReportProblem, useReportProblem } from '../analysis/episode-problems.ts';
import { count } from '../analysis/episodes-bits.tsx';
import { useFormProblem } from '../components/form-problem.ts';
import { formatDateTime } from '../components/format.ts';
import {
  type ReportApiError,
  type ReportVersionDto,
  useMarkPublishable,
  useScanVersion,
  type VersionRef,
} from './api.ts';
import { HitItem } from './hit-item.tsx';

type Props = {
  versionRef: VersionRef;
  version: ReportVersionDto;
  onDone: (message: string) => void;
  onProblem: ReportProblem;
};

/**
 * What the scan of the version found that could still identify someone: names from the register,
 * postcodes, phone numbers, email addresses, NHS numbers and dates of birth, each in its context.
 */
export function IdentifierScan({ versionRef, version: v, onDone, onProblem }: Props) {
  const scan = useScanVersion(versionRef);
  const problem = useFormProblem(scan.error, []);
  useReportProblem(onProblem, 'scan', problem);
  const hits = v.scan.hits;
  const open = hits.filter((h) => !h.acknowledgement).length;

  return (
    <section aria-labelledby="scan-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="scan-heading">
        Identifier scan
      </h2>
      <p className="govuk-body">
        The version was scanned on {formatDateTime(v.scan.scannedAt)} for anything that could still identify
        the child, the family or others after the pseudonyms were applied.
      </p>
      <p className="govuk-body govuk-!-font-weight-bold">
        {hits.length === 0
          ? 'The scan found nothing to check.'
          : open === 0
            ? `The scan found ${count(hits.length, 'thing')}, and each one has been acknowledged with a reason.`
            : `The scan found ${count(hits.length, 'thing')}: ${open} still to check.`}
      </p>
      {hits.length > 0 ? (
        <ol className="govuk-list" aria-label="What the scan found">
          {hits.map((hit, i) => (
            <HitItem
              key={hit.key}
              versionRef={versionRef}
              hit={hit}
              index={i}
              canAcknowledge={v.abilities.acknowledge}
              onDone={onDone}
              onProblem={onProblem}
            />
          ))}
        </ol>
      ) : null}
      {v.abilities.scan ? (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          disabled={scan.isPending}
          aria-disabled={scan.isPending}
          onClick={() =>
            scan.mutate(undefined, {
              onSuccess: (after) =>
                onDone(
                  after.scan.hits.length === 0
                    ? 'The version has been scanned again: it found nothing to check'
                    : `The version has been scanned again: ${after.unacknowledgedCount} to check`,
                ),
            })
          }
        >
          Scan again
        </button>
      ) : null}
    </section>
  );
}

/** Marks the version as publishable, once the scan is clean or every hit is acknowledged with a reason. */
export function Publishable({ versionRef, version: v, onDone, onProblem }: Props) {
  const mark = useMarkPublishable(versionRef);
  const error = mark.error as ReportApiError | null;
  const serverProblem = useFormProblem(mark.error, []);
  const problem = useMemo(() => {
    if (!serverProblem) return null;
    const keys = new Set(error?.unacknowledged ?? []);
    const listed = v.scan.hits
      .filter((h) => keys.has(h.key))
      .map((h) => ({
        message: `Acknowledge ‘${h.match}’ in ${h.sectionTitle}, or generate a new version without it`,
      }));
    return { ...serverProblem, items: [...serverProblem.items, ...listed] };
  }, [serverProblem, error, v.scan.hits]);
  useReportProblem(onProblem, 'publishable', problem);
  if (v.publishable || !v.abilities.markPublishable) return null;
  const open = v.unacknowledgedCount;

  return (
    <section aria-labelledby="publishable-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="publishable-heading">
        Mark as publishable
      </h2>
      <p className="govuk-body">
        A version can be marked publishable only when the identifier scan found nothing, or each thing it
        found has been acknowledged with a reason why it may stay.
      </p>
      {open > 0 ? (
        <p className="govuk-body">
          {count(open, 'thing')} from the scan {open === 1 ? 'is' : 'are'} still to check.
        </p>
      ) : null}
      <button
        type="button"
        className="govuk-button"
        disabled={mark.isPending}
        aria-disabled={mark.isPending}
        onClick={() =>
          mark.mutate(undefined, { onSuccess: () => onDone(`Version ${v.number} is marked as publishable`) })
        }
      >
        Mark as publishable
      </button>
    </section>
  );
}
