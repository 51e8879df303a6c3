import { Link, useNavigate, useSearchParams } from 'react-router';
import { type AuditFilters, useAuditEvents } from '../api/audit.ts';
import { ApiError, queryString } from '../api/client.ts';
import { useUsers } from '../api/users.ts';
import { useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { AuditFiltersForm, auditFilterIds } from './audit-filters.tsx';
import { AuditTable } from './audit-table.tsx';

const filterKeys = ['action', 'actorUserId', 'entityType', 'from', 'to', 'before'] as const;

/** The partnership's audit log, newest first, with filters and paging to older events. */
export function AuditPage() {
  const { partnershipId, membership } = useMembership();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const filters: AuditFilters = {};
  for (const key of filterKeys) {
    const value = searchParams.get(key);
    if (value) filters[key] = value;
  }
  const events = useAuditEvents(partnershipId, filters);
  const users = useUsers(partnershipId, membership?.abilities.listUsers === true);
  const invalid = events.error instanceof ApiError && events.error.status === 400 ? events.error : null;
  const problem = useFormProblem(invalid, auditFilterIds);
  if (events.isError && !invalid) return <QueryProblem error={events.error} />;

  const path = `/partnerships/${partnershipId}/audit`;
  const { before, ...withoutPaging } = filters;
  const people = users.data?.users.map((user) => ({ value: user.id, label: user.name }));

  return (
    <Page
      title={['Audit log', ...(membership ? [membership.partnershipName] : [])]}
      heading="Audit log"
      caption={membership?.partnershipName}
      errors={problem?.items}
      width="full"
    >
      <p className="govuk-body">
        Every change in this partnership, every sign-in, and every time someone read sensitive records.
        Entries cannot be changed or removed.
      </p>
      <AuditFiltersForm
        key={searchParams.toString()}
        filters={filters}
        people={people}
        fieldErrors={problem?.fields}
        clearTo={path}
        onApply={(search) => navigate({ pathname: path, search })}
      />
      {events.isPending ? <Loading /> : null}
      {events.data ? <AuditTable events={events.data.events} older={Boolean(before)} /> : null}
      {events.data?.nextBefore || before ? (
        <nav className="govuk-pagination govuk-pagination--block" aria-label="Pages of events">
          {events.data?.nextBefore ? (
            <div className="govuk-pagination__next">
              <Link
                className="govuk-link govuk-pagination__link"
                to={`${path}${queryString({ ...withoutPaging, before: events.data.nextBefore })}`}
                rel="next"
              >
                <span className="govuk-pagination__link-title">Older events</span>
              </Link>
            </div>
          ) : null}
          {before ? (
            <div className="govuk-pagination__prev">
              <Link className="govuk-link govuk-pagination__link" to={`${path}${queryString(withoutPaging)}`}>
                <span className="govuk-pagination__link-title">Newest events</span>
              </Link>
            </div>
          ) : null}
        </nav>
      ) : null}
    </Page>
  );
}
