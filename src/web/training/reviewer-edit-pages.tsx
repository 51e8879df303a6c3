import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useAgencies } from '../api/partnership.ts';
import { useUsers } from '../api/users.ts';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { useReviews } from '../review/api.ts';
import {
  poolPage,
  type ReviewerBody,
  useAddReviewer,
  useChangeReviewer,
  useCohorts,
  useReviewers,
  useTrainingRecord,
} from './api.ts';
import { type ReviewerChoices, ReviewerForm } from './reviewer-form.tsx';
import { namedExpertise, reviewerFieldIds } from './reviewer-form-values.ts';
import type { PoolPageState } from './reviewer-pool-page.tsx';

/** What the reviewer form offers: the partnership's agencies, cohorts, accredited reviewers, reviews and people. */
function useReviewerChoices(partnershipId: string, enabled: boolean) {
  const agencies = useAgencies(partnershipId, enabled);
  const cohorts = useCohorts(partnershipId, enabled);
  const accredited = useReviewers(partnershipId, { status: 'accredited' }, enabled);
  const reviews = useReviews(partnershipId, 'all', enabled);
  const users = useUsers(partnershipId, enabled);
  const queries = [agencies, cohorts, accredited, reviews];
  const error = queries.find((q) => q.isError)?.error;
  if (!agencies.data || !cohorts.data || !accredited.data || !reviews.data) return { error, choices: null };
  const choices: ReviewerChoices = {
    agencies: agencies.data.agencies.filter((a) => a.active).map((a) => ({ value: a.id, label: a.name })),
    cohorts: cohorts.data.cohorts.map((c) => ({ value: c.id, label: c.name })),
    supervisors: accredited.data.reviewers.map((r) => ({ value: r.id, label: r.name })),
    reviews: reviews.data.reviews.map((r) => ({ value: r.id, label: r.title })),
    // Linking an account is optional: without the list of people, the question is left out.
    users: (users.data?.users ?? [])
      .filter((u) => u.active)
      .map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
  };
  return { error, choices };
}

/** The field ids of the form with as many conflict rows as a reviewer may have. */
const fieldIds = reviewerFieldIds(20);

/** Problems found before sending, or else the server's, with errors about expertise on its question. */
function useProblem(error: unknown) {
  const [checked, setChecked] = useState<FormProblem | null>(null);
  const named = useMemo(() => namedExpertise(error), [error]);
  const server = useFormProblem(named, fieldIds);
  return { problem: checked ?? server, setChecked };
}

/** Adds a reviewer to the partnership's pool. */
export function AddReviewerPage() {
  const { partnershipId, membership } = useMembership();
  // Someone outside the partnership asks all the same, and is told it is not found.
  const allowed = membership ? Boolean(membership.abilities.manageReviewerPool) : true;
  const { error, choices } = useReviewerChoices(partnershipId, allowed);
  const add = useAddReviewer(partnershipId);
  const { problem, setChecked } = useProblem(add.error);
  const navigate = useNavigate();
  if (membership && !allowed)
    return <ForbiddenPage message="Only the partnership’s admins and business managers can add reviewers." />;
  if (error) return <QueryProblem error={error} />;
  const save = (body: ReviewerBody) => {
    add.mutate(body, {
      onSuccess: (r) => {
        const state: PoolPageState = { banner: `${r.name} has been added to the reviewer pool` };
        navigate(poolPage(partnershipId), { state });
      },
    });
  };
  return (
    <Page
      title={['Add a reviewer', 'Reviewer pool']}
      heading="Add a reviewer"
      caption="Reviewer pool"
      errors={problem?.items}
    >
      {!choices ? (
        <Loading />
      ) : (
        <ReviewerForm
          choices={choices}
          problem={problem}
          pending={add.isPending}
          submitText="Add the reviewer"
          cancelTo={poolPage(partnershipId)}
          onCheck={setChecked}
          onSubmit={save}
        />
      )}
    </Page>
  );
}

/** Changes a reviewer's details, based on the version shown; a newer version is loaded after a refusal. */
export function ChangeReviewerPage() {
  const { partnershipId, membership } = useMembership();
  const reviewerId = useParams().reviewerId ?? '';
  // Someone outside the partnership asks all the same, and is told it is not found.
  const allowed = membership ? Boolean(membership.abilities.manageReviewerPool) : true;
  const record = useTrainingRecord(partnershipId, reviewerId, allowed);
  const { error, choices } = useReviewerChoices(partnershipId, allowed);
  const change = useChangeReviewer(partnershipId, reviewerId);
  const { problem, setChecked } = useProblem(change.error);
  const navigate = useNavigate();
  if (membership && !allowed)
    return (
      <ForbiddenPage message="Only the partnership’s admins and business managers can change reviewers." />
    );
  if (record.isError) return <QueryProblem error={record.error} />;
  if (error) return <QueryProblem error={error} />;
  const reviewer = record.data?.reviewer;
  const heading = reviewer ? `Change ${reviewer.name}’s details` : 'Change a reviewer’s details';
  return (
    <Page
      title={[heading, 'Reviewer pool']}
      heading={heading}
      caption="Reviewer pool"
      errors={problem?.items}
    >
      {!choices || !reviewer ? (
        <Loading />
      ) : (
        <ReviewerForm
          reviewer={reviewer}
          choices={choices}
          problem={problem}
          pending={change.isPending}
          submitText="Save changes"
          cancelTo={poolPage(partnershipId, reviewerId)}
          onCheck={setChecked}
          onSubmit={(body) =>
            change.mutate(
              // The version shown now: after someone else's change, theirs.
              { ...body, version: reviewer.version },
              {
                onSuccess: (r) => {
                  const state: PoolPageState = { banner: `${r.name}’s details have been changed` };
                  navigate(poolPage(partnershipId), { state });
                },
              },
            )
          }
        />
      )}
    </Page>
  );
}
