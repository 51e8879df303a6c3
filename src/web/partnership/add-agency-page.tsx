import { useNavigate } from 'react-router';
import type { AgencySector } from '#domain/partnership/agency.ts';
import { useAddAgency, useAgencies } from '../api/partnership.ts';
import { useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, QueryProblem } from '../components/problem-pages.tsx';
import { AgencyForm, type AgencyFormValues, agencyFieldIds } from './agency-form.tsx';
import { useMembership } from './use-membership.ts';

const empty: AgencyFormValues = { name: '', shortName: '', sector: '', active: true };

/** Add an agency to the partnership. */
export function AddAgencyPage() {
  const { partnershipId, membership } = useMembership();
  const navigate = useNavigate();
  const agencies = useAgencies(partnershipId);
  const add = useAddAgency(partnershipId);
  const problem = useFormProblem(add.error, agencyFieldIds);
  const listPath = `/partnerships/${partnershipId}/agencies`;
  if (agencies.isError) return <QueryProblem error={agencies.error} />;
  if (agencies.data && !agencies.data.abilities.create) {
    return <ForbiddenPage message="You do not have permission to add agencies to this partnership." />;
  }

  const onSubmit = (values: AgencyFormValues) => {
    add.mutate(
      {
        name: values.name,
        sector: (values.sector || undefined) as AgencySector,
        shortName: values.shortName.trim() ? values.shortName : undefined,
      },
      { onSuccess: (agency) => navigate(listPath, { state: { banner: `${agency.name} has been added` } }) },
    );
  };

  return (
    <Page
      title={['Add an agency', ...(membership ? [membership.partnershipName] : [])]}
      heading="Add an agency"
      caption={membership?.partnershipName}
      errors={problem?.items}
    >
      <AgencyForm
        initial={empty}
        askStatus={false}
        submitLabel="Add agency"
        cancelTo={listPath}
        pending={add.isPending}
        fieldErrors={problem?.fields}
        onSubmit={onSubmit}
      />
    </Page>
  );
}
