import { type FormEvent, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { accreditationStatuses } from '#domain/training/training.ts';
import { SelectField } from '../components/form-fields.tsx';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { plural } from '../review/review-bits.tsx';
import { type AccreditationStatus, poolPage, type ReviewerDto, trainingPage, useReviewers } from './api.ts';
import { StatusTag } from './status-tag.tsx';

export type PoolPageState = { banner?: string } | null;

const statusChoices = (Object.keys(accreditationStatuses) as AccreditationStatus[]).map((s) => ({
  value: s,
  label: accreditationStatuses[s],
}));

/**
 * The partnership's pool of reviewers: their accreditation, cohort, expertise and availability, with
 * a filter by status. Each name opens the reviewer's training record; those who manage the pool add
 * and change reviewers.
 */
export function ReviewerPoolPage() {
  const { partnershipId, membership } = useMembership();
  // Someone outside the partnership asks all the same, and is told it is not found.
  const allowed = membership ? Boolean(membership.abilities.viewReviewerPool) : true;
  const [params] = useSearchParams();
  const status = params.get('status') as AccreditationStatus | null;
  const filter = status && status in accreditationStatuses ? status : undefined;
  const reviewers = useReviewers(partnershipId, { status: filter }, allowed);
  const state = useLocation().state as PoolPageState;
  const name = membership?.partnershipName;

  if (membership && !allowed)
    return (
      <ForbiddenPage message="Only the partnership’s admins and business managers can see the reviewer pool." />
    );
  if (reviewers.isError) return <QueryProblem error={reviewers.error} />;
  const list = reviewers.data?.reviewers;

  return (
    <Page
      title={['Reviewer pool', ...(name ? [name] : [])]}
      heading="Reviewer pool"
      caption={name}
      banner={state?.banner ? { heading: state.banner } : null}
      width="full"
    >
      <p className="govuk-body">
        The reviewers the partnership can call on to lead reviews: trainees, accredited reviewers and those
        whose accreditation has lapsed. Select a name to see their training record.
      </p>
      <div className="govuk-button-group">
        {reviewers.data?.abilities.manage ? (
          <Link className="govuk-button" to={poolPage(partnershipId, 'new')}>
            Add a reviewer
          </Link>
        ) : null}
        <Link className="govuk-link" to={trainingPage(partnershipId)}>
          Training programme and cohorts
        </Link>
      </div>
      <StatusFilter
        key={filter ?? ''}
        current={filter ?? ''}
        to={(s) => (s ? `${poolPage(partnershipId)}?status=${s}` : poolPage(partnershipId))}
      />
      {!list ? (
        <Loading />
      ) : (
        <PoolTable
          partnershipId={partnershipId}
          reviewers={list}
          manage={Boolean(reviewers.data?.abilities.manage)}
          filtered={Boolean(filter)}
        />
      )}
    </Page>
  );
}

/** Shows only trainees, accredited or lapsed reviewers. */
function StatusFilter({ current, to }: { current: string; to: (status: string) => string }) {
  const [value, setValue] = useState(current);
  const navigate = useNavigate();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(to(value));
  };
  return (
    <form noValidate onSubmit={submit} className="govuk-!-margin-bottom-6" aria-label="Filter the reviewers">
      <SelectField
        id="status"
        label="Status"
        emptyLabel="All reviewers"
        value={value}
        onChange={setValue}
        choices={statusChoices}
      />
      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
        Show reviewers
      </button>
    </form>
  );
}

type TableProps = { partnershipId: string; reviewers: ReviewerDto[]; manage: boolean; filtered: boolean };

function PoolTable({ partnershipId, reviewers, manage, filtered }: TableProps) {
  if (reviewers.length === 0)
    return (
      <p className="govuk-body">
        {filtered ? 'No reviewers have this status.' : 'There are no reviewers in the pool yet.'}
      </p>
    );
  const headers = ['Name', 'Status', 'Accrediting body', 'Cohort', 'Expertise', 'Availability'];
  return (
    <ScrollableTable label="Reviewers">
      <table className="govuk-table govuk-table--small-text-until-tablet">
        <caption className="govuk-table__caption govuk-table__caption--m">
          {plural(reviewers.length, 'reviewer', 'reviewers')}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {headers.map((h) => (
              <th scope="col" className="govuk-table__header" key={h}>
                {h}
              </th>
            ))}
            {manage ? (
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {reviewers.map((r) => (
            <tr className="govuk-table__row" key={r.id}>
              <th scope="row" className="govuk-table__header">
                <Link className="govuk-link" to={poolPage(partnershipId, r.id)}>
                  {r.name}
                </Link>
              </th>
              <td className="govuk-table__cell">
                <StatusTag status={r.status} label={r.statusLabel} />
              </td>
              <td className="govuk-table__cell">{r.accreditingBody ?? ''}</td>
              <td className="govuk-table__cell">{r.cohort?.name ?? ''}</td>
              <td className="govuk-table__cell">{r.expertise.join(', ')}</td>
              <td className="govuk-table__cell">{r.availability ?? ''}</td>
              {manage ? (
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={poolPage(partnershipId, `${r.id}/change`)}>
                    Change <span className="govuk-visually-hidden">{r.name}’s details</span>
                  </Link>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
