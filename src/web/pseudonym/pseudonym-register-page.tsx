import { useEffect, useMemo, useRef, useState } from 'react';
import { formatDateTime } from '../components/format.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useReview } from '../review/api.ts';
import { ReviewNavigation } from '../review/review-navigation.tsx';
import { useReviewParams } from '../review/review-overview-page.tsx';
import {
  entryBody,
  type PseudonymEntryBody,
  type PseudonymRegisterDto,
  usePreviewPseudonymisation,
  usePseudonymRegister,
  useUpdatePseudonymRegister,
} from './api.ts';
import { EntriesTable } from './entries-table.tsx';
import { EntryForm } from './entry-form.tsx';
import { registerProblem } from './register-problem.ts';
import { TryIt, tryItProblem } from './try-it.tsx';
import './pseudonym.scss';

type Change = { kind: 'add' } | { kind: 'change'; index: number } | { kind: 'remove'; index: number };

/**
 * The review's pseudonym register: the real names and identifiers behind the pseudonyms, and what
 * replaces each in anything published. Only lead reviewers and the business manager see it, and
 * every view is recorded. The whole list is saved at once, with the version it was based on.
 */
export function PseudonymRegisterPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const review = useReview(partnershipId, reviewId);
  const abilities = review.data?.abilities;
  const register = usePseudonymRegister(partnershipId, reviewId, Boolean(abilities?.viewPseudonymRegister));
  const save = useUpdatePseudonymRegister(partnershipId, reviewId);
  const preview = usePreviewPseudonymisation(partnershipId, reviewId);
  const [editing, setEditing] = useState<number | null>(null);
  const [removing, setRemoving] = useState<number | null>(null);
  const [formRow, setFormRow] = useState<number | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [banner, setBanner] = useState<string | null>(null);
  const canEdit = Boolean(abilities?.editPseudonymRegister);
  const problem = useMemo(
    () => registerProblem(save.error, formRow, canEdit),
    [save.error, formRow, canEdit],
  );
  const tryProblem = useMemo(() => tryItProblem(preview.error), [preview.error]);
  // The same list between renders, so the error summary takes focus once for each new set of problems.
  const errors = useMemo(
    () => [...(problem?.items ?? []), ...(tryProblem?.items ?? [])],
    [problem, tryProblem],
  );
  const formHeading = useRef<HTMLHeadingElement>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);

  // After "Change", and after each save, focus goes to the form: ready for the next entry.
  useEffect(() => {
    if (editing !== null || formKey > 0) formHeading.current?.focus();
  }, [editing, formKey]);
  useEffect(() => {
    if (removing !== null) confirmHeading.current?.focus();
  }, [removing]);

  if (review.isError) return <QueryProblem error={review.error} />;
  if (!review.data) return <Loading />;
  if (!abilities?.viewPseudonymRegister)
    return (
      <ForbiddenPage message="Only the lead reviewers and the business manager can see the pseudonym register." />
    );
  if (register.isError) return <QueryProblem error={register.error} />;
  const r = register.data;
  const entries = r?.entries ?? [];
  const editedEntry = editing === null ? undefined : entries[editing];

  const send = (change: Change, entry?: PseudonymEntryBody) => {
    if (!r) return;
    const current = r.entries.map(entryBody);
    const next =
      change.kind === 'add'
        ? [...current, entry as PseudonymEntryBody]
        : change.kind === 'change'
          ? current.map((e, i) => (i === change.index ? (entry as PseudonymEntryBody) : e))
          : current.filter((_, i) => i !== change.index);
    setFormRow(change.kind === 'add' ? current.length : change.kind === 'change' ? change.index : null);
    setBanner(null);
    save.mutate(
      { version: r.version, entries: next },
      {
        onSuccess: () => {
          const name = change.kind === 'add' ? entry?.realValue : current[change.index]?.realValue;
          setBanner(
            change.kind === 'add'
              ? `${name?.trim()} has been added to the register`
              : change.kind === 'change'
                ? `Row ${change.index + 1} has been changed`
                : `${name} has been removed from the register`,
          );
          setEditing(null);
          setRemoving(null);
          setFormKey((k) => k + 1);
        },
        onError: () => setRemoving(null),
      },
    );
  };

  const toRemove = removing === null ? undefined : entries[removing];

  return (
    <Page
      title={['Pseudonym register', review.data.title]}
      heading="Pseudonym register"
      caption={review.data.title}
      errors={errors}
      banner={banner ? { heading: banner } : null}
      width="full"
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={review.data} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              This is the most sensitive record in the review: the real names behind the pseudonyms. Every
              time someone opens this page it is recorded in the audit log. Do not copy, print or share it.
            </strong>
          </div>
          <p className="govuk-body">
            Anything published from this review uses the replacements below instead of the real names. Add
            everyone and everything that could identify the child or family: names and nicknames,
            practitioners, schools, places, addresses and dates of birth.
          </p>
          <RegisterStatus register={r} />
        </div>
      </div>
      {!r ? <Loading /> : null}
      {toRemove && removing !== null ? (
        <div className="app-remove-entry">
          <h2 className="govuk-heading-m" tabIndex={-1} ref={confirmHeading}>
            Remove {toRemove.realValue} from the register?
          </h2>
          <p className="govuk-body">
            Anything generated after this will no longer replace {toRemove.realValue} with “
            {toRemove.replacement}
            ”.
          </p>
          <div className="govuk-button-group">
            <button
              type="button"
              className="govuk-button govuk-button--warning"
              disabled={save.isPending}
              onClick={() => send({ kind: 'remove', index: removing })}
            >
              Yes, remove it
            </button>
            <button type="button" className="app-link-button" onClick={() => setRemoving(null)}>
              No, keep it
            </button>
          </div>
        </div>
      ) : null}
      {r && entries.length === 0 ? <p className="govuk-body">There is nothing in the register yet.</p> : null}
      {r && entries.length > 0 ? (
        <EntriesTable
          entries={entries}
          canEdit={canEdit}
          onChange={(index) => {
            setRemoving(null);
            setEditing(index);
          }}
          onRemove={(index) => {
            setEditing(null);
            setRemoving(index);
          }}
        />
      ) : null}
      {r && canEdit ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <EntryForm
              key={editing === null ? `new-${formKey}` : `row-${editing}-${formKey}`}
              entry={editedEntry}
              row={editing === null ? undefined : editing + 1}
              pending={save.isPending}
              errors={problem?.fields ?? {}}
              headingRef={formHeading}
              onSubmit={(entry) =>
                send(editing === null ? { kind: 'add' } : { kind: 'change', index: editing }, entry)
              }
              onCancel={editing === null ? undefined : () => setEditing(null)}
            />
          </div>
        </div>
      ) : null}
      {r ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <TryIt
              pending={preview.isPending}
              result={preview.data}
              error={tryProblem?.field}
              onTry={(text) => preview.mutate({ text })}
            />
          </div>
        </div>
      ) : null}
    </Page>
  );
}

function RegisterStatus({ register }: { register: PseudonymRegisterDto | undefined }) {
  if (!register) return null;
  if (register.version === 0 || !register.updatedAt)
    return <p className="govuk-body">Nobody has added anything to the register yet.</p>;
  return (
    <p className="govuk-body">
      Last changed{register.updatedByName ? ` by ${register.updatedByName}` : ''} on{' '}
      {formatDateTime(register.updatedAt)}.
    </p>
  );
}
