import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useUsers } from '../api/users.ts';
import { SelectField, TextField } from '../components/form-fields.tsx';
import type { FormProblem } from '../components/form-problem.ts';
import { useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { useSubjectAccessExport } from './api.ts';

const fieldIds = ['userId', 'participantId'] as const;

/** Downloads everything the partnership holds about one person, for a subject access request. */
export function SubjectAccessPage() {
  const { partnershipId, membership } = useMembership();
  const users = useUsers(partnershipId);
  const exported = useSubjectAccessExport(partnershipId);
  const [userId, setUserId] = useState('');
  // A person's page in a review links here with their reference filled in (?participantId=…).
  const [search] = useSearchParams();
  const [participantId, setParticipantId] = useState(search.get('participantId') ?? '');
  const [missing, setMissing] = useState(false);
  const serverProblem = useFormProblem(exported.error, fieldIds);
  const problem: FormProblem | null = missing
    ? {
        items: [
          { field: 'userId', message: 'Choose a person, or enter the reference of a person in a review' },
        ],
        fields: { userId: 'Choose a person, or enter the reference of a person in a review' },
        code: 'validation_failed',
      }
    : exported.error instanceof ApiError && exported.error.status === 404
      ? {
          items: [{ message: 'The partnership holds nothing about this person' }],
          fields: {},
          code: 'not_found',
        }
      : serverProblem;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const who = { userId: userId || undefined, participantId: participantId.trim() || undefined };
    setMissing(!who.userId && !who.participantId);
    if (who.userId || who.participantId) exported.mutate(who);
  };

  return (
    <Page
      title={['Subject access request', membership?.partnershipName ?? 'Partnership']}
      caption={membership?.partnershipName}
      heading="Respond to a subject access request"
      errors={problem?.items}
      banner={
        exported.isSuccess && !problem
          ? {
              heading: `Downloaded ${exported.data.fileName}`,
              children: <p className="govuk-body">Check it before you send it: it may name other people.</p>,
            }
          : null
      }
    >
      <p className="govuk-body">
        Download everything this partnership holds about one person as a file: their account, their parts in
        reviews, conversation records with them, documents they uploaded, comments they wrote, meetings they
        were invited to, actions they own and the audit log’s record of what they did. The download is
        recorded in the audit log.
      </p>
      <form noValidate onSubmit={onSubmit}>
        <SelectField
          id="userId"
          label="Person with a Sightlines account"
          hint="Leave this blank for someone who only appears in a review."
          value={userId}
          onChange={setUserId}
          emptyLabel="Choose a person"
          choices={(users.data?.users ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))}
          error={problem?.fields.userId}
        />
        <TextField
          id="participantId"
          label="Person in a review (optional)"
          hint="For someone without an account, such as a family member: open their page in the review’s people list and choose “Respond to a subject access request about this person”."
          value={participantId}
          onChange={setParticipantId}
          spellCheck={false}
          error={problem?.fields.participantId}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={exported.isPending}>
            Download the file
          </button>
          <Link className="govuk-link" to={`/partnerships/${partnershipId}/retention`}>
            Cancel
          </Link>
        </div>
      </form>
    </Page>
  );
}
