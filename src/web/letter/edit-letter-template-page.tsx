import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, NotFoundPage, QueryProblem } from '../components/problem-pages.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { type LetterTemplateDto, useLetterTemplates, useSaveLetterTemplate } from './api.ts';
import { PlaceholdersTable } from './letter-templates-page.tsx';
import '../meeting/meeting.scss';

const formatHint = (
  <>
    Leave a blank line between paragraphs. Start a line with <code># </code> for the letter’s heading,{' '}
    <code>## </code> for a section heading, and <code>- </code> for each item in a list. Placeholders like{' '}
    <code>{'{{participant.name}}'}</code> are filled in when a letter is written.
  </>
);

function EditTemplate({
  template,
  placeholders,
  refetch,
}: {
  template: LetterTemplateDto;
  placeholders: { name: string; description: string }[];
  refetch: () => Promise<unknown>;
}) {
  const { partnershipId } = useMembership();
  const navigate = useNavigate();
  const save = useSaveLetterTemplate(partnershipId, template.kind);
  const [body, setBody] = useState(template.body);
  const [baseVersion, setBaseVersion] = useState(template.version);
  const [conflict, setConflict] = useState(false);
  const problem = useFormProblem(save.error, ['body']);
  const listPath = `/partnerships/${partnershipId}/letter-templates`;
  // Once the latest wording is on screen after a conflict, the next save is based on it.
  if (conflict && template.version !== baseVersion) setBaseVersion(template.version);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(
      { body, version: baseVersion },
      {
        onSuccess: (saved) =>
          navigate(listPath, {
            state: { banner: `The wording of the ${saved.kindLabel.toLowerCase()} has been saved` },
          }),
        onError: async (error) => {
          if (error instanceof ApiError && error.code === 'stale_version') {
            await refetch();
            setConflict(true);
          }
        },
      },
    );
  };

  return (
    <Page
      title={[`Change the ${template.kindLabel.toLowerCase()}`, 'Letter templates']}
      heading={`Change the ${template.kindLabel.toLowerCase()}`}
      caption="Letter templates"
      errors={problem?.items}
      width="full"
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">{template.hint}</p>
          {conflict ? (
            <details className="govuk-details" open>
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">The latest saved wording</span>
              </summary>
              <div className="govuk-details__text app-letter-preview">{template.body}</div>
            </details>
          ) : null}
          <form noValidate onSubmit={submit}>
            <TextareaField
              id="body"
              label="Wording of the letter"
              hint={formatHint}
              value={body}
              onChange={setBody}
              error={problem?.fields.body}
              rows={28}
              spellCheck
            />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" disabled={save.isPending}>
                Save wording
              </button>
              {body !== template.standardBody ? (
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary"
                  onClick={() => setBody(template.standardBody)}
                >
                  Start again from the standard wording
                </button>
              ) : null}
              <Link className="govuk-link" to={listPath}>
                Cancel
              </Link>
            </div>
          </form>
        </div>
        <div className="govuk-grid-column-one-third">
          <PlaceholdersTable placeholders={placeholders} />
        </div>
      </div>
    </Page>
  );
}

/** Change the partnership's wording of one letter, with the placeholders it may use beside it. */
export function EditLetterTemplatePage() {
  const { partnershipId } = useMembership();
  const kind = useParams().kind ?? '';
  const templates = useLetterTemplates(partnershipId);
  if (templates.isError) return <QueryProblem error={templates.error} />;
  if (!templates.data) return <Loading />;
  const template = templates.data.templates.find((t) => t.kind === kind);
  if (!template) return <NotFoundPage />;
  if (!template.abilities.update) {
    return <ForbiddenPage message="You do not have permission to change the wording of letters." />;
  }
  return (
    <EditTemplate
      template={template}
      placeholders={templates.data.placeholders}
      refetch={templates.refetch}
    />
  );
}
