import type { FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useAgencies } from '../api/partnership.ts';
import { SelectField, TextField } from '../components/form-fields.tsx';
import { useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, NotFoundPage, QueryProblem } from '../components/problem-pages.tsx';
import { RadiosField } from '../components/radios-field.tsx';
import { useFormValues } from '../components/use-form-values.ts';
import { SubjectAccessLink } from '../retention/subject-access-link.tsx';
import { reviewPage, useReview } from '../review/api.ts';
import { ReviewContent, ReviewNavigation } from '../review/review-navigation.tsx';
import { useReviewParams } from '../review/review-overview-page.tsx';
import { type ParticipantDto, useParticipants, useUpdateParticipant } from './api.ts';
import { NewInvitationLink } from './new-invitation-link.tsx';
import type { PeoplePageState } from './people-page.tsx';

const fieldIds = ['jobTitle', 'agencyId', 'lineManagerParticipantId', 'active'] as const;

/**
 * Change a person's part in a review: their job title and agency, their line manager in the
 * review, or remove them from it. Based on the version being looked at; if someone else changed it
 * meanwhile, the server's message is shown and the form reloads.
 */
export function ChangeParticipantPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const participantId = useParams().participantId ?? '';
  const review = useReview(partnershipId, reviewId);
  const participants = useParticipants(partnershipId, reviewId);
  const agencies = useAgencies(partnershipId);
  const change = useUpdateParticipant(partnershipId, reviewId, participantId);
  const problem = useFormProblem(change.error, fieldIds);
  const navigate = useNavigate();

  if (review.isError) return <QueryProblem error={review.error} />;
  if (participants.isError) return <QueryProblem error={participants.error} />;
  if (agencies.isError) return <QueryProblem error={agencies.error} />;
  if (!review.data || !participants.data || !agencies.data) return <Loading />;
  const person = participants.data.participants.find((p) => p.id === participantId);
  if (!person) return <NotFoundPage />;
  if (!participants.data.abilities.manage)
    return <ForbiddenPage message="You do not have permission to change the people in this review." />;
  const peoplePath = reviewPage(partnershipId, reviewId, 'people');

  return (
    <Page
      title={[`Change ${person.name}’s part in the review`, review.data.title]}
      heading={`Change ${person.name}’s part in the review`}
      caption={review.data.title}
      errors={problem?.items}
      width="full"
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={review.data} />
      <ReviewContent>
        <p className="govuk-body">
          Role: <span className="govuk-!-font-weight-bold">{person.roleLabel}</span>
          {person.email ? (
            <>
              <br />
              Email address: <span className="govuk-!-font-weight-bold">{person.email}</span>
            </>
          ) : null}
        </p>
        <p className="govuk-body">To give them a different role, add them again in that role.</p>
        <ChangeForm
          key={`${person.id}:${person.version}`}
          person={person}
          agencies={agencies.data.agencies
            .filter((a) => a.active || a.id === person.agencyId)
            .map((a) => ({ value: a.id, label: a.name }))}
          lineManagers={participants.data.participants
            .filter(
              (p) =>
                p.id !== person.id && (p.status !== 'removed' || p.id === person.lineManagerParticipantId),
            )
            .map((p) => ({ value: p.id, label: `${p.name} (${p.roleLabel.toLowerCase()})` }))}
          fields={problem?.fields ?? {}}
          pending={change.isPending}
          cancelTo={peoplePath}
          onSubmit={(values) =>
            change.mutate(
              {
                jobTitle: values.jobTitle.trim() ? values.jobTitle : null,
                agencyId: values.agencyId || null,
                lineManagerParticipantId: values.lineManagerParticipantId || null,
                active: values.active,
                version: person.version,
              },
              {
                onSuccess: (saved) => {
                  const state: PeoplePageState = {
                    banner:
                      saved.status === 'removed'
                        ? `${saved.name} has been removed from the review`
                        : `${saved.name}’s details have been changed`,
                  };
                  navigate(peoplePath, { state });
                },
              },
            )
          }
        />
        {person.status === 'invited' ? (
          <NewInvitationLink partnershipId={partnershipId} reviewId={reviewId} participant={person} />
        ) : null}
        <SubjectAccessLink partnershipId={partnershipId} participantId={person.id} />
      </ReviewContent>
    </Page>
  );
}

type Values = { jobTitle: string; agencyId: string; lineManagerParticipantId: string; active: boolean };
type Choice = { value: string; label: string };

function ChangeForm({
  person,
  agencies,
  lineManagers,
  fields,
  pending,
  cancelTo,
  onSubmit,
}: {
  person: ParticipantDto;
  agencies: Choice[];
  lineManagers: Choice[];
  fields: Record<string, string>;
  pending: boolean;
  cancelTo: string;
  onSubmit: (values: Values) => void;
}) {
  const [values, set] = useFormValues<Values>({
    jobTitle: person.jobTitle ?? '',
    agencyId: person.agencyId ?? '',
    lineManagerParticipantId: person.lineManagerParticipantId ?? '',
    active: person.status !== 'removed',
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(values);
  };
  return (
    <form noValidate onSubmit={submit}>
      <TextField
        id="jobTitle"
        label="Job title (optional)"
        value={values.jobTitle}
        onChange={set('jobTitle')}
        error={fields.jobTitle}
      />
      <SelectField
        id="agencyId"
        label="Agency (optional)"
        emptyLabel="No agency"
        value={values.agencyId}
        onChange={set('agencyId')}
        choices={agencies}
        error={fields.agencyId}
      />
      <SelectField
        id="lineManagerParticipantId"
        label="Line manager in this review (optional)"
        hint="If someone in this review is their line manager."
        emptyLabel="None"
        value={values.lineManagerParticipantId}
        onChange={set('lineManagerParticipantId')}
        choices={lineManagers}
        error={fields.lineManagerParticipantId}
      />
      <RadiosField
        id="active"
        legend="Are they still taking part?"
        value={values.active ? 'yes' : 'no'}
        onChange={(value) => set('active')(value === 'yes')}
        choices={[
          { value: 'yes', label: 'Yes, they are taking part' },
          {
            value: 'no',
            label: 'No, remove them from the review',
            hint: 'Their past contributions are kept. An unused invitation link stops working.',
          },
        ]}
        error={fields.active}
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={pending}>
          Save changes
        </button>
        <Link className="govuk-link" to={cancelTo}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
