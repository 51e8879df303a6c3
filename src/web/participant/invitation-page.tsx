import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { MIN_PASSWORD_LENGTH } from '#domain/user/limits.ts';
import { ApiError, api } from '../api/client.ts';
import type { Session } from '../api/session.ts';
import { TextField } from '../components/form-fields.tsx';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import type { ReviewList } from '../review/api.ts';
import { clientProblem } from '../review/client-problem.ts';
import { formatDate } from '../review/dates.ts';
import { type InvitationDto, useAcceptInvitation, useInvitation } from './api.ts';

const fieldIds = ['name', 'password'] as const;

/**
 * Where an invitation link leads, outside the signed-in service: what the review is, what taking
 * part means (reassuring a practitioner that it is about learning, not blame), and a short form to
 * set up an account. Accepting signs the person in and takes them to the review.
 */
export function InvitationPage() {
  const token = useParams().token ?? '';
  const invitation = useInvitation(token);
  if (invitation.error instanceof ApiError && invitation.error.status === 404) {
    return (
      <Page title={['This invitation link is not valid']} heading="This invitation link is not valid">
        <p className="govuk-body">
          The link may have been used already, or it may have expired. Invitation links work once and last 14
          days.
        </p>
        <p className="govuk-body">
          Ask the business manager of the review to send you a new link. If you have already set up your
          account,{' '}
          <a className="govuk-link" href="/sign-in">
            sign in
          </a>
          .
        </p>
      </Page>
    );
  }
  if (invitation.isError) return <QueryProblem error={invitation.error} />;
  if (!invitation.data) return <Loading />;
  return <Invitation token={token} invitation={invitation.data} />;
}

function Invitation({ token, invitation }: { token: string; invitation: InvitationDto }) {
  const accept = useAcceptInvitation(token);
  const navigate = useNavigate();
  const [name, setName] = useState(invitation.name);
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState<FormProblem | null>(null);
  const serverProblem = useFormProblem(accept.error, fieldIds);
  const problem = checked ?? serverProblem;
  const practitioner = invitation.role === 'case_group_member';

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = clientProblem(
      {
        name: name.trim() ? '' : 'Enter your full name',
        password: !password
          ? 'Enter a password'
          : password.length < MIN_PASSWORD_LENGTH
            ? `Password must be ${MIN_PASSWORD_LENGTH} characters or more`
            : '',
      },
      fieldIds,
    );
    setChecked(found);
    if (found) return;
    accept.mutate(
      { name, password },
      { onSuccess: async (session) => navigate(await reviewAddress(session, invitation), { replace: true }) },
    );
  };

  return (
    <Page
      title={['You have been invited to take part in a review']}
      heading="You have been invited to take part in a review"
      errors={problem?.items}
    >
      <p className="govuk-body-l">
        {invitation.partnershipName} has asked you to take part in the review {invitation.reviewTitle} as{' '}
        {article(invitation.roleLabel)} {invitation.roleLabel.toLowerCase()}.
      </p>

      <h2 className="govuk-heading-m">What taking part means</h2>
      {practitioner ? (
        <>
          <p className="govuk-body">
            The review is about learning, not blame. It looks at how agencies work together, using this case
            as a window on the system. It does not look for someone to hold responsible, and it is not a
            disciplinary process.
          </p>
          <p className="govuk-body">You will be asked to take part in:</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>
              a conversation with the lead reviewers about your work with the family: what you knew and were
              thinking at the time, and what helped or got in the way
            </li>
            <li>a few meetings with the review team and others who worked on the case</li>
            <li>
              reading drafts of the findings, and telling the reviewers if anything is inaccurate or unfair
            </li>
          </ul>
          <p className="govuk-body">
            The published report describes people by their role only, never by name. Talk to your manager
            about the support your agency offers.
          </p>
        </>
      ) : (
        <p className="govuk-body">
          The review uses the Learning Together systems model: it asks why things happened as they did and why
          decisions made sense at the time, to learn how agencies can work better together. It is about
          learning, not blame.
        </p>
      )}

      <h2 className="govuk-heading-m">Set up your account</h2>
      <p className="govuk-body">
        You will sign in to Sightlines with your email address, {invitation.email}. This link can be used
        once, until {formatDate(invitation.expiresAt)}.
      </p>
      <form noValidate onSubmit={onSubmit}>
        {/* Lets password managers know whose password this is. */}
        <input
          type="email"
          name="username"
          autoComplete="username"
          value={invitation.email}
          readOnly
          hidden
        />
        <TextField
          id="name"
          label="Full name"
          autoComplete="name"
          spellCheck={false}
          value={name}
          onChange={setName}
          error={problem?.fields.name}
        />
        <TextField
          id="password"
          label="Create a password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. Do not use a common password or your email address. Three or four random words together work well.`}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={problem?.fields.password}
        />
        <button type="submit" className="govuk-button" disabled={accept.isPending}>
          Accept and continue
        </button>
      </form>
    </Page>
  );
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/**
 * Where to go once signed in: the review itself, found among the person's reviews by its title,
 * or their list of reviews if it cannot be found.
 */
async function reviewAddress(session: Session, invitation: InvitationDto): Promise<string> {
  if (invitation.partnershipId && invitation.reviewId)
    return `/partnerships/${invitation.partnershipId}/reviews/${invitation.reviewId}`;
  const membership =
    session.memberships.find((m) => m.partnershipName === invitation.partnershipName) ??
    session.memberships[0];
  if (!membership) return '/';
  const list = `/partnerships/${membership.partnershipId}/reviews`;
  try {
    const mine = await api.get<ReviewList>(
      `/api/partnerships/${membership.partnershipId}/reviews?scope=mine`,
    );
    const review = mine.reviews.find((r) => r.title === invitation.reviewTitle);
    return review ? `${list}/${review.id}` : list;
  } catch {
    return list;
  }
}
