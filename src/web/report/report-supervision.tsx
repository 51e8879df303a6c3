import { type FormEvent, useMemo, useState } from 'react';
import type { ReportDocument } from '#domain/report/document.ts';
import { type ReportProblem, useReportProblem } from '../analysis/episode-problems.ts';
import { SelectField } from '../components/form-fields.tsx';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { Loading } from '../components/problem-pages.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { useAddSupervisionComment, useSupervisionThreads } from '../quality/supervision-api.ts';
import { SupervisionThreadList } from '../quality/supervision-thread.tsx';
import { clientProblem } from '../review/client-problem.ts';
import { renamedFields } from './api.ts';
import { sectionChoices } from './report-bits.tsx';
import '../quality/quality.scss';

type Props = {
  partnershipId: string;
  reviewId: string;
  /** The version shown, whose sections a new comment may be about. */
  document: ReportDocument;
  onDone: (message: string) => void;
  onProblem: ReportProblem;
};

const filter = { targetType: 'report_section' } as const;

/**
 * The supervisor's comment threads on sections of the report, each headed by the section it is
 * about, with the form for a supervisor to open one about a section of this version. The lead and
 * trainee reviewers reply and resolve them.
 */
export function ReportSupervision({ partnershipId, reviewId, document, onDone, onProblem }: Props) {
  const threads = useSupervisionThreads(partnershipId, reviewId, filter);
  const list = threads.data;
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby="report-supervision-heading">
      <h2 className="govuk-heading-m" id="report-supervision-heading">
        Supervision on the report
      </h2>
      {threads.isError ? (
        <p className="govuk-body">Sorry, the supervision comments could not be loaded. Try again later.</p>
      ) : !list ? (
        <Loading />
      ) : (
        <>
          <SupervisionThreadList
            partnershipId={partnershipId}
            reviewId={reviewId}
            threads={list.threads}
            empty="There are no supervision comments on the report."
            label="Supervision comments on the report"
            targetHref={null}
            onDone={onDone}
            onProblem={onProblem}
          />
          {list.abilities.comment ? (
            <CommentForm
              partnershipId={partnershipId}
              reviewId={reviewId}
              document={document}
              onDone={onDone}
              onProblem={onProblem}
            />
          ) : null}
        </>
      )}
    </section>
  );
}

const ids = { section: 'report-supervision-section', body: 'report-supervision-body' };
const fieldIds = [ids.section, ids.body];
const serverNames = { targetId: ids.section, targetType: ids.section, body: ids.body };

/** A supervisor's new comment about one section of the report, which opens a thread. */
function CommentForm({ partnershipId, reviewId, document, onDone, onProblem }: Props) {
  const add = useAddSupervisionComment(partnershipId, reviewId);
  const [sectionId, setSectionId] = useState('');
  const [body, setBody] = useState('');
  const [checked, setChecked] = useState<FormProblem | null>(null);
  const named = useMemo(() => renamedFields(add.error, serverNames), [add.error]);
  const serverProblem = useFormProblem(named, fieldIds);
  const problem = checked ?? serverProblem;
  useReportProblem(onProblem, ids.body, problem);
  const choices = useMemo(() => sectionChoices(document), [document]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    const found = clientProblem(
      {
        [ids.section]: sectionId ? '' : 'Choose the section of the report your comment is about',
        [ids.body]: body.trim() ? '' : 'Enter your comment',
      },
      fieldIds,
    );
    setChecked(found);
    if (found) return;
    add.mutate(
      { targetType: 'report_section', targetId: sectionId, body: body.trim() },
      {
        onSuccess: () => {
          setSectionId('');
          setBody('');
          onDone('Your supervision comment has been added');
        },
      },
    );
  };

  return (
    <form noValidate onSubmit={submit} aria-labelledby="report-supervision-form-heading">
      <h3 className="govuk-heading-s" id="report-supervision-form-heading">
        Add a supervision comment on the report
      </h3>
      <SelectField
        id={ids.section}
        label="Which section is your comment about?"
        value={sectionId}
        choices={choices}
        emptyLabel="Choose a section"
        error={problem?.fields[ids.section]}
        onChange={setSectionId}
      />
      <TextareaField
        id={ids.body}
        label="Your supervision comment"
        hint="The lead and trainee reviewers answer it and mark it resolved. The case group and family do not see it."
        rows={4}
        value={body}
        error={problem?.fields[ids.body]}
        onChange={setBody}
      />
      <button type="submit" className="govuk-button" disabled={add.isPending} aria-disabled={add.isPending}>
        Add supervision comment
      </button>
    </form>
  );
}
