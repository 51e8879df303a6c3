import { type FormEvent, useMemo, useState } from 'react';
import { type ReportProblem, useReportProblem } from '../analysis/episode-problems.ts';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { formatDateTime } from '../components/format.ts';
import { TextareaField } from '../components/textarea-field.tsx';
import { clientProblem } from '../review/client-problem.ts';
import { type ReportHit, renamedFields, useAcknowledgeHit, type VersionRef } from './api.ts';

/** The text around a hit with the match marked, so the reader sees it in place. */
export function HitContext({ hit }: { hit: Pick<ReportHit, 'match' | 'context'> }) {
  const at = hit.context.toLowerCase().indexOf(hit.match.toLowerCase());
  if (!hit.match || at < 0)
    return (
      <p className="govuk-body app-report-context">
        {hit.context} <mark>{hit.match}</mark>
      </p>
    );
  return (
    <p className="govuk-body app-report-context">
      {hit.context.slice(0, at)}
      <mark>{hit.context.slice(at, at + hit.match.length)}</mark>
      {hit.context.slice(at + hit.match.length)}
    </p>
  );
}

type Props = {
  versionRef: VersionRef;
  hit: ReportHit;
  /** The hit's place in the list, for the ids of its fields. */
  index: number;
  canAcknowledge: boolean;
  onDone: (message: string) => void;
  onProblem: ReportProblem;
};

/** One thing the scan found: its kind, where, the text around it, and why it may stay if someone said so. */
export function HitItem({ versionRef, hit, index, canAcknowledge, onDone, onProblem }: Props) {
  const acknowledge = useAcknowledgeHit(versionRef);
  const id = `hit-${index + 1}-reason`;
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState<FormProblem | null>(null);
  const named = useMemo(() => renamedFields(acknowledge.error, { reason: id }), [acknowledge.error, id]);
  const serverProblem = useFormProblem(named, [id]);
  const problem = checked ?? serverProblem;
  useReportProblem(onProblem, id, problem);
  const what = `‘${hit.match}’ in ${hit.sectionTitle}`;
  const ack = hit.acknowledgement;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (acknowledge.isPending) return;
    const found = clientProblem(
      { [id]: reason.trim() ? '' : `Say why ‘${hit.match}’ may stay in the report` },
      [id],
    );
    setChecked(found);
    if (found) return;
    acknowledge.mutate(
      { key: hit.key, reason: reason.trim() },
      { onSuccess: () => onDone(`‘${hit.match}’ has been acknowledged`) },
    );
  };

  return (
    <li className={`app-report-hit${ack ? '' : ' app-report-hit--open'}`}>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2">
        <strong className="govuk-tag govuk-tag--grey">{hit.kindLabel}</strong> ‘{hit.match}’
      </h3>
      <p className="govuk-body-s govuk-!-margin-bottom-1">In {hit.sectionTitle}</p>
      <HitContext hit={hit} />
      {ack ? (
        <div className="govuk-inset-text govuk-!-margin-top-2">
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            <strong className="govuk-tag govuk-tag--blue">Acknowledged</strong>
            {ack.byName ? ` by ${ack.byName}` : ''} on {formatDateTime(ack.at)}
          </p>
          <p className="govuk-body app-report-text govuk-!-margin-bottom-0">{ack.reason}</p>
        </div>
      ) : canAcknowledge ? (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              It may stay <span className="govuk-visually-hidden">({what})</span>
            </span>
          </summary>
          <form
            className="govuk-details__text"
            noValidate
            onSubmit={submit}
            aria-label={`Acknowledge ${what}`}
          >
            <TextareaField
              id={id}
              label="Why may it stay in the report?"
              hint="For example, it is the name of a public place that does not identify the family. Otherwise, change the records or the register and generate a new version."
              rows={2}
              value={reason}
              error={problem?.fields[id]}
              onChange={setReason}
            />
            <button
              type="submit"
              className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
              disabled={acknowledge.isPending}
              aria-disabled={acknowledge.isPending}
            >
              Acknowledge <span className="govuk-visually-hidden">{what}</span>
            </button>
          </form>
        </details>
      ) : (
        <p className="govuk-body-s">
          <strong className="govuk-tag govuk-tag--red">To check</strong>
        </p>
      )}
    </li>
  );
}
