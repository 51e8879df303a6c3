import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ReviewRole } from '#domain/review/policy.ts';
import { ApiError } from '../api/client.ts';
import { useAgencies } from '../api/partnership.ts';
import { useUsers } from '../api/users.ts';
import { describedBy, ErrorMessage, SelectField, TextField } from '../components/form-fields.tsx';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { RadiosField } from '../components/radios-field.tsx';
import { useFormValues } from '../components/use-form-values.ts';
import { reviewPage, useReview } from '../review/api.ts';
import { clientProblem } from '../review/client-problem.ts';
import { ReviewContent, ReviewNavigation } from '../review/review-navigation.tsx';
import { useReviewParams } from '../review/review-overview-page.tsx';
import { poolChoice, ReviewerPoolChooser } from '../training/pool-chooser.tsx';
import { useAddParticipant, useParticipants } from './api.ts';
import { InvitationLink } from './invitation-link.tsx';
import type { PeoplePageState } from './people-page.tsx';
import { reviewRoleChoices } from './roles.ts';

const fieldIds = [
  'role',
  'who',
  'userId',
  'name',
  'email',
  'jobTitle',
  'agencyId',
  'lineManagerParticipantId',
];

type Who = '' | 'existing' | 'new';
type Created = { name: string; roleLabel: string; url: string };

/**
 * Add a person to a review: someone already in the partnership, or someone new who is sent a
 * one-time invitation link. Only partnership admins and business managers can list the
 * partnership's people; others (such as lead reviewers) invite by name and email address.
 */
export function AddParticipantPage() {
  const { partnershipId, reviewId, membership } = useReviewParams();
  const review = useReview(partnershipId, reviewId);
  const participants = useParticipants(partnershipId, reviewId);
  const users = useUsers(partnershipId);
  const agencies = useAgencies(partnershipId);
  const add = useAddParticipant(partnershipId, reviewId);
  const navigate = useNavigate();
  const [checked, setChecked] = useState<FormProblem | null>(null);
  const serverProblem = useFormProblem(add.error, fieldIds);
  const [created, setCreated] = useState<Created | null>(null);
  const [formKey, setFormKey] = useState(0);

  if (review.isError) return <QueryProblem error={review.error} />;
  if (participants.isError) return <QueryProblem error={participants.error} />;
  if (agencies.isError) return <QueryProblem error={agencies.error} />;
  // Listing the partnership's people is for admins and business managers; anyone else invites someone new.
  const usersRefused = users.error instanceof ApiError && users.error.status === 403;
  if (users.isError && !usersRefused) return <QueryProblem error={users.error} />;
  if (!review.data || !participants.data || !agencies.data || (!users.data && !usersRefused))
    return <Loading />;
  if (!participants.data.abilities.manage)
    return <ForbiddenPage message="You do not have permission to add people to this review." />;

  const r = review.data;
  const peoplePath = reviewPage(partnershipId, reviewId, 'people');
  const problem = checked ?? serverProblem;

  if (created) {
    return (
      <Page
        title={[`${created.name} has been added`, r.title]}
        heading="Send the invitation link"
        caption={r.title}
        banner={{
          heading: `${created.name} has been added to the review as ${created.roleLabel.toLowerCase()}`,
        }}
        width="full"
      >
        <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={r} />
        <ReviewContent>
          <p className="govuk-body">
            {created.name} does not have a Sightlines account yet. Send this link to {created.name} securely.
            It works once and expires in 14 days.
          </p>
          <InvitationLink name={created.name} url={created.url} />
          <div className="govuk-inset-text">
            This is the only time the link is shown. Keep this page open until you have sent it.
          </div>
          <div className="govuk-button-group">
            <Link className="govuk-button" to={peoplePath}>
              Go to the people in the review
            </Link>
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => {
                setCreated(null);
                add.reset();
                setFormKey((k) => k + 1);
              }}
            >
              Add another person
            </button>
          </div>
        </ReviewContent>
      </Page>
    );
  }

  const activeUsers = (users.data?.users ?? []).filter((u) => u.active);
  // Someone already in the partnership takes part with their job title and agency there.
  const detailsOf = (userId: string) => {
    const user = activeUsers.find((u) => u.id === userId);
    return { jobTitle: user?.jobTitle ?? null, agencyId: user?.agencyId ?? null };
  };
  const lineManagers = participants.data.participants
    .filter((p) => p.status !== 'removed')
    .map((p) => ({ value: p.id, label: `${p.name} (${p.roleLabel.toLowerCase()})` }));
  const agencyChoices = agencies.data.agencies
    .filter((a) => a.active)
    .map((a) => ({ value: a.id, label: a.name }));

  return (
    <Page
      title={['Add a person to the review', r.title]}
      heading="Add a person to the review"
      caption={r.title}
      errors={problem?.items}
      width="full"
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={r} />
      <ReviewContent>
        <ParticipantForm
          key={formKey}
          pool={membership?.abilities.viewReviewerPool ? { partnershipId, reviewId } : undefined}
          canChooseExisting={!usersRefused}
          users={activeUsers.map((u) => ({
            value: u.id,
            label: personLabel(u.name, [u.jobTitle, u.agencyName]),
          }))}
          agencies={agencyChoices}
          lineManagers={lineManagers}
          problem={problem}
          pending={add.isPending}
          cancelTo={peoplePath}
          onSubmit={(values) => {
            const found = clientProblem(
              {
                role: values.role ? '' : 'Select the person’s role in the review',
                who:
                  values.who || usersRefused
                    ? ''
                    : 'Select whether they already use Sightlines in this partnership',
                userId: values.who === 'existing' && !values.userId ? 'Select the person' : '',
                name: values.who !== 'existing' && !values.name.trim() ? 'Enter their full name' : '',
                email: values.who !== 'existing' && !values.email.trim() ? 'Enter their email address' : '',
              },
              fieldIds,
            );
            setChecked(found);
            if (found) return;
            const existing = values.who === 'existing';
            add.mutate(
              {
                role: values.role as ReviewRole,
                ...(existing
                  ? { userId: values.userId, ...detailsOf(values.userId) }
                  : {
                      name: values.name,
                      email: values.email,
                      jobTitle: values.jobTitle.trim() ? values.jobTitle : null,
                      agencyId: values.agencyId || null,
                    }),
                lineManagerParticipantId: values.lineManagerParticipantId || null,
              },
              {
                onSuccess: ({ participant, invitationUrl }) => {
                  if (invitationUrl) {
                    setCreated({
                      name: participant.name,
                      roleLabel: participant.roleLabel,
                      url: absolute(invitationUrl),
                    });
                    return;
                  }
                  const state: PeoplePageState = {
                    banner: `${participant.name} has been added to the review as ${participant.roleLabel.toLowerCase()}`,
                  };
                  navigate(peoplePath, { state });
                },
              },
            );
          }}
        />
      </ReviewContent>
    </Page>
  );
}

/** "Dr Helen Mercer (Independent lead reviewer, Family Lifeline)", to tell people with similar names apart. */
function personLabel(name: string, details: (string | null)[]): string {
  const known = details.filter(Boolean);
  return known.length > 0 ? `${name} (${known.join(', ')})` : name;
}

/** The full address of a link the server gives as a path. */
function absolute(url: string): string {
  return url.startsWith('/') ? `${window.location.origin}${url}` : url;
}

type Values = {
  role: string;
  who: Who;
  userId: string;
  name: string;
  email: string;
  jobTitle: string;
  agencyId: string;
  lineManagerParticipantId: string;
};

type Choice = { value: string; label: string };

type FormProps = {
  /** The review, where the person may choose lead and trainee reviewers from the reviewer pool. */
  pool?: { partnershipId: string; reviewId: string } | undefined;
  canChooseExisting: boolean;
  users: Choice[];
  agencies: Choice[];
  lineManagers: Choice[];
  problem: FormProblem | null;
  pending: boolean;
  cancelTo: string;
  onSubmit: (values: Values) => void;
};

function ParticipantForm(props: FormProps) {
  const { pool, canChooseExisting, users, agencies, lineManagers, problem, pending, cancelTo, onSubmit } =
    props;
  const [values, set, setValues] = useFormValues<Values>({
    role: '',
    who: canChooseExisting ? '' : 'new',
    userId: '',
    name: '',
    email: '',
    jobTitle: '',
    agencyId: '',
    lineManagerParticipantId: '',
  });
  const fields = problem?.fields ?? {};
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(values);
  };

  const newPerson = (
    <>
      <TextField
        id="name"
        label="Full name"
        autoComplete="off"
        spellCheck={false}
        value={values.name}
        onChange={set('name')}
        error={fields.name}
      />
      <TextField
        id="email"
        label="Email address"
        hint="Their work email address. They will sign in with it"
        type="email"
        autoComplete="off"
        spellCheck={false}
        value={values.email}
        onChange={set('email')}
        error={fields.email}
      />
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
    </>
  );

  return (
    <form noValidate onSubmit={submit}>
      <RadiosField
        id="role"
        legend="Role in the review"
        value={values.role}
        onChange={set('role')}
        choices={reviewRoleChoices}
        error={fields.role}
      />
      {pool && (values.role === 'lead_reviewer' || values.role === 'trainee_reviewer') ? (
        <ReviewerPoolChooser
          {...pool}
          onChoose={(r) => {
            const ids = canChooseExisting ? users.map((u) => u.value) : [];
            setValues((v) => ({ ...v, ...poolChoice(r, ids) }));
          }}
        />
      ) : null}
      {canChooseExisting ? (
        <WhoQuestion
          who={values.who}
          onChange={set('who')}
          error={fields.who}
          existing={
            <SelectField
              id="userId"
              label="Person in the partnership"
              emptyLabel="Select a person"
              value={values.userId}
              onChange={set('userId')}
              choices={users}
              error={fields.userId}
            />
          }
          newPerson={newPerson}
        />
      ) : (
        <>
          <h2 className="govuk-heading-m">Who are you adding?</h2>
          <p className="govuk-body">
            They will get a link to set up their account. If they already use Sightlines, they are added with
            their existing account.
          </p>
          {newPerson}
        </>
      )}
      <SelectField
        id="lineManagerParticipantId"
        label="Line manager in this review (optional)"
        hint="If someone already in this review is their line manager. Sightlines warns you if a review team member line-manages someone in the case group."
        emptyLabel="None"
        value={values.lineManagerParticipantId}
        onChange={set('lineManagerParticipantId')}
        choices={lineManagers}
        error={fields.lineManagerParticipantId}
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={pending}>
          Add to review
        </button>
        <Link className="govuk-link" to={cancelTo}>
          Cancel
        </Link>
      </div>
    </form>
  );
}

/** "Who are you adding?": someone in the partnership, or someone new; each reveals its own questions. */
function WhoQuestion({
  who,
  onChange,
  error,
  existing,
  newPerson,
}: {
  who: Who;
  onChange: (who: Who) => void;
  error: string | undefined;
  existing: ReactNode;
  newPerson: ReactNode;
}) {
  const options: { value: Exclude<Who, ''>; label: string; hint: string; reveals: ReactNode }[] = [
    {
      value: 'existing',
      label: 'Someone who already uses Sightlines in this partnership',
      hint: 'Choose them from the list',
      reveals: existing,
    },
    {
      value: 'new',
      label: 'Someone new',
      hint: 'They will get a link to set up their account',
      reveals: newPerson,
    },
  ];
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy('who', false, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Who are you adding?</legend>
        {error ? <ErrorMessage id="who-error">{error}</ErrorMessage> : null}
        <div className="govuk-radios">
          {options.map((o, i) => {
            const id = i === 0 ? 'who' : `who-${i + 1}`;
            return (
              <div key={o.value}>
                <div className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id={id}
                    name="who"
                    type="radio"
                    value={o.value}
                    checked={who === o.value}
                    onChange={() => onChange(o.value)}
                    aria-describedby={`${id}-item-hint`}
                    aria-controls={who === o.value ? `${id}-conditional` : undefined}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={id}>
                    {o.label}
                  </label>
                  <div id={`${id}-item-hint`} className="govuk-hint govuk-radios__hint">
                    {o.hint}
                  </div>
                </div>
                {who === o.value ? (
                  <div className="govuk-radios__conditional" id={`${id}-conditional`}>
                    {o.reveals}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
