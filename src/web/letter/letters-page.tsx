import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ErrorSummaryItem } from '../components/error-summary.tsx';
import { SelectField } from '../components/form-fields.tsx';
import { useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { RadiosField } from '../components/radios-field.tsx';
import { ReviewNavigation } from '../review/review-navigation.tsx';
import { downloadLetter, type LetterKind, useLetterOptions } from './api.ts';

const fieldIds = ['kind', 'participantId'];

/** The letters of a review: choose the letter and who it is to, and download it as a Word document. */
export function LettersPage() {
  const { partnershipId = '', reviewId = '' } = useParams();
  const options = useLetterOptions(partnershipId, reviewId);
  const [kind, setKind] = useState<LetterKind | ''>('');
  const [participantId, setParticipantId] = useState('');
  const [formProblems, setFormProblems] = useState<ErrorSummaryItem[]>([]);
  const download = useMutation({
    mutationFn: (input: { kind: LetterKind; participantId: string | null }) =>
      downloadLetter(partnershipId, reviewId, input.kind, input.participantId),
  });
  const serverProblem = useFormProblem(download.error, fieldIds);
  if (options.isError) return <QueryProblem error={options.error} />;
  if (!options.data) return <Loading />;
  const data = options.data;
  const chosen = data.kinds.find((k) => k.kind === kind);
  const recipients = chosen
    ? data.recipients.filter((r) => chosen.recipientIds.includes(r.participantId))
    : [];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: ErrorSummaryItem[] = [];
    if (!chosen) problems.push({ field: 'kind', message: 'Select which letter to write' });
    else if (chosen.participantRequired && !participantId) {
      problems.push({ field: 'participantId', message: 'Select who the letter is to' });
    }
    setFormProblems(problems);
    if (problems.length > 0 || !chosen) return download.reset();
    download.mutate({ kind: chosen.kind, participantId: participantId || null });
  };
  const items = formProblems.length > 0 ? formProblems : serverProblem?.items;
  const fields =
    formProblems.length > 0
      ? Object.fromEntries(formProblems.map((p) => [p.field, p.message]))
      : serverProblem?.fields;
  const caption = `Review ${data.review.title}`;

  return (
    <Page
      title={['Letters', caption]}
      heading="Letters"
      caption={caption}
      errors={items}
      banner={
        download.data
          ? {
              heading: 'The letter has been created',
              children: <p className="govuk-body">Check your downloads for {download.data}.</p>,
            }
          : null
      }
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} />
      <p className="govuk-body">
        Letters are written from your partnership’s wording, with the names and details of this review filled
        in. You get a Word document to check, print or send. Each letter you create is recorded in the audit
        log.
      </p>
      {data.abilities.editTemplates ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/partnerships/${partnershipId}/letter-templates`}>
            Change the wording of the letters
          </Link>
        </p>
      ) : null}
      <form noValidate onSubmit={submit}>
        <RadiosField
          id="kind"
          legend="Which letter do you want to write?"
          value={kind}
          onChange={(value) => {
            setKind(value as LetterKind);
            setParticipantId('');
          }}
          choices={data.kinds.map((k) => ({ value: k.kind, label: k.label, hint: k.hint }))}
          error={fields?.kind}
        />
        {chosen ? (
          recipients.length === 0 && chosen.participantRequired ? (
            <div className="govuk-inset-text">
              Nobody can be sent this letter yet. Add people to the review first.
            </div>
          ) : (
            <SelectField
              id="participantId"
              label="Who is the letter to?"
              hint={
                chosen.participantRequired
                  ? undefined
                  : 'You can write to a named family member, or to the family'
              }
              emptyLabel={chosen.participantRequired ? 'Choose a person' : 'The family (no named person)'}
              choices={recipients.map((r) => ({
                value: r.participantId,
                label: `${r.name} (${r.roleLabel})`,
              }))}
              value={participantId}
              onChange={setParticipantId}
              error={fields?.participantId}
            />
          )
        ) : null}
        <button type="submit" className="govuk-button" disabled={download.isPending}>
          Download letter (Word document)
        </button>
      </form>
    </Page>
  );
}
