import { Link, useLocation } from 'react-router';
import { useAgencies } from '../api/partnership.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import { useMembership } from './use-membership.ts';

export type ListPageState = { banner?: string } | null;

/** The partnership's agencies, with adding and changing where the person may. */
export function AgenciesPage() {
  const { partnershipId, membership } = useMembership();
  const agencies = useAgencies(partnershipId);
  const banner = (useLocation().state as ListPageState)?.banner;
  if (agencies.isError) return <QueryProblem error={agencies.error} />;
  const partnershipName = membership?.partnershipName;
  const list = agencies.data?.agencies ?? [];

  return (
    <Page
      title={['Agencies', ...(partnershipName ? [partnershipName] : [])]}
      heading="Agencies"
      caption={partnershipName}
      banner={banner ? { heading: banner } : null}
      width="full"
    >
      <p className="govuk-body">
        The organisations that work with children and families in this partnership.
      </p>
      {agencies.data?.abilities.create ? (
        <Link className="govuk-button" to={`/partnerships/${partnershipId}/agencies/new`}>
          Add an agency
        </Link>
      ) : null}
      {!agencies.data ? <Loading /> : null}
      {agencies.data && list.length === 0 ? <p className="govuk-body">There are no agencies yet.</p> : null}
      {list.some((agency) => agency.abilities.update) ? (
        <p className="govuk-body">Select an agency's name to change its details or mark it inactive.</p>
      ) : null}
      {list.length > 0 ? (
        <ScrollableTable label="Agencies table">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">
              {list.length === 1 ? '1 agency' : `${list.length} agencies`}
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Name
                </th>
                <th scope="col" className="govuk-table__header">
                  Short name
                </th>
                <th scope="col" className="govuk-table__header">
                  Sector
                </th>
                <th scope="col" className="govuk-table__header">
                  Status
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {list.map((agency) => (
                <tr className="govuk-table__row" key={agency.id}>
                  <td className="govuk-table__cell">
                    {agency.abilities.update ? (
                      <Link
                        className="govuk-link"
                        to={`/partnerships/${partnershipId}/agencies/${agency.id}/change`}
                      >
                        {agency.name}
                      </Link>
                    ) : (
                      agency.name
                    )}
                  </td>
                  <td className="govuk-table__cell">{agency.shortName ?? ''}</td>
                  <td className="govuk-table__cell">{agency.sectorLabel}</td>
                  <td className="govuk-table__cell">
                    {agency.active ? (
                      <strong className="govuk-tag govuk-tag--green">Active</strong>
                    ) : (
                      <strong className="govuk-tag govuk-tag--grey">Inactive</strong>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      ) : null}
    </Page>
  );
}
