import { useNavigate, useParams } from 'react-router';
import type { AgencySector } from '#domain/partnership/agency.ts';
import { useAgencies, useChangeAgency } from '../api/partnership.ts';
import { useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, NotFoundPage, QueryProblem } from '../components/problem-pages.tsx';
import { AgencyForm, type AgencyFormValues, agencyFieldIds } from './agency-form.tsx';
import { useMembership } from './use-membership.ts';

/**
 * Change an agency. The save carries the version the person started from; if someone else changed
 * it meanwhile, the server's message is shown and the form reloads with the current details.
 */
export function ChangeAgencyPage() {
  const { partnershipId, membership } = useMembership();
  const agencyId = useParams().agencyId ?? '';
  const navigate = useNavigate();
  const agencies = useAgencies(partnershipId);
  const change = useChangeAgency(partnershipId, agencyId);
  const problem = useFormProblem(change.error, agencyFieldIds);
  const listPath = `/partnerships/${partnershipId}/agencies`;

  if (agencies.isError) return <QueryProblem error={agencies.error} />;
  if (!agencies.data) return <Loading />;
  const agency = agencies.data.agencies.find((a) => a.id === agencyId);
  if (!agency) return <NotFoundPage />;
  if (!agency.abilities.update)
    return <ForbiddenPage message="You do not have permission to change this agency." />;

  const onSubmit = (values: AgencyFormValues) => {
    change.mutate(
      {
        name: values.name,
        shortName: values.shortName,
        sector: (values.sector || undefined) as AgencySector,
        active: values.active,
        version: agency.version,
      },
      { onSuccess: (saved) => navigate(listPath, { state: { banner: `${saved.name} has been changed` } }) },
    );
  };

  return (
    <Page
      title={[`Change ${agency.name}`, ...(membership ? [membership.partnershipName] : [])]}
      heading={`Change ${agency.name}`}
      caption="Agencies"
      errors={problem?.items}
    >
      <AgencyForm
        key={`${agency.id}:${agency.version}`}
        initial={{
          name: agency.name,
          shortName: agency.shortName ?? '',
          sector: agency.sector,
          active: agency.active,
        }}
        askStatus
        submitLabel="Save changes"
        cancelTo={listPath}
        pending={change.isPending}
        fieldErrors={problem?.fields}
        onSubmit={onSubmit}
      />
    </Page>
  );
}
