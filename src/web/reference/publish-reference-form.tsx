import { type FormEvent, useMemo, useState } from 'react';
import type { ReferenceKind } from '#domain/reference/reference.ts';
import { type ReferenceVersionDto, usePublishReference } from '../analysis/api.ts';
import { ApiError, serviceProblemMessage } from '../api/client.ts';
import type { ErrorSummaryItem } from '../components/error-summary.tsx';
import { TextField } from '../components/form-fields.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { describeContentProblem } from './content-problems.ts';

type Current = Pick<ReferenceVersionDto, 'version' | 'content'>;
type Problem = { items: ErrorSummaryItem[]; fields: { name?: string; content?: string } };

const asJson = (content: unknown) => JSON.stringify(content, null, 2);

/** Where JSON.parse gave up, as a line number, when it says. */
function jsonProblem(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const at = /position (\d+)/.exec(message);
  const line = at ? text.slice(0, Number(at[1])).split('\n').length : null;
  return `The content is not written correctly${line ? ` near line ${line}` : ''}. Check for a missing comma, bracket or double quotation mark`;
}

const shapes: Record<ReferenceKind, string> = {
  typology:
    'A list of “categories”, each with a “code” (lower-case letters, digits and underscores), a “name”, and optionally a “laterName” and a “definition”.',
  factors:
    'A list of “groups”, each with a “key” (lower-case letters, digits and underscores), a “label”, and optionally a “hint” and a list of “types”.',
  appraisal:
    'A list of at least two “grades”, each with a “key” (lower-case letters, digits and underscores), a “label” and optionally a “description”.',
  language:
    'A list of “rules”, each with an “id” (lower-case letters, digits and hyphens), a “category” (hindsight, blame, certainty or outcome), a list of “phrases”, a “reason”, a “suggestion”, and optionally “replacements” from a phrase to neutral words.',
};

/**
 * The form to publish a new version of one kind, with its problems for the page's error summary.
 * The content is edited as JSON, starting from the current version.
 */
export function usePublishReferenceForm({
  partnershipId,
  kind,
  label,
  current,
  afterPublish,
  onConflict,
}: {
  partnershipId: string;
  kind: ReferenceKind;
  label: string;
  current: Current;
  afterPublish: (saved: ReferenceVersionDto) => void;
  onConflict: () => Promise<unknown>;
}) {
  const publish = usePublishReference(partnershipId, kind);
  const [name, setName] = useState('');
  const [text, setText] = useState(() => asJson(current.content));
  const [basedOn, setBasedOn] = useState(current.version);
  const [notJson, setNotJson] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  // Once the newest version is on screen after a conflict, the next publish is based on it.
  if (conflict && current.version !== basedOn) setBasedOn(current.version);

  const error = publish.error;
  const problem = useMemo<Problem | null>(() => {
    if (notJson) return { items: [{ field: 'content', message: notJson }], fields: { content: notJson } };
    if (!error) return null;
    if (!(error instanceof ApiError)) return { items: [{ message: serviceProblemMessage }], fields: {} };
    if (error.fields.length === 0) return { items: [{ message: error.message }], fields: {} };
    const items: ErrorSummaryItem[] = error.fields.map(({ path, message }) =>
      path === 'name'
        ? { field: 'name', message }
        : path === 'content' || path.startsWith('content.')
          ? { field: 'content', message: describeContentProblem(kind, path, message) }
          : { message },
    );
    const about = (field: string) => items.filter((i) => i.field === field).map((i) => i.message);
    const contentProblems = about('content');
    return {
      items,
      fields: {
        name: about('name')[0],
        content:
          contentProblems.length > 1
            ? `There are ${contentProblems.length} problems with the content, listed at the top of the page`
            : contentProblems[0],
      },
    };
  }, [error, notJson, kind]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    let content: unknown;
    try {
      content = JSON.parse(text);
    } catch (e) {
      publish.reset();
      setNotJson(jsonProblem(text, e));
      return;
    }
    setNotJson(null);
    publish.mutate(
      { name, content, basedOnVersion: basedOn },
      {
        onSuccess: (saved) => {
          setName('');
          setText(asJson(saved.content));
          setBasedOn(saved.version);
          setConflict(false);
          afterPublish(saved);
        },
        onError: async (e) => {
          if (e instanceof ApiError && e.code === 'stale_version') {
            await onConflict();
            setConflict(true);
          }
        },
      },
    );
  };

  const form = (
    <section aria-labelledby="publish-heading">
      <h2 className="govuk-heading-l" id="publish-heading">
        Publish a new version
      </h2>
      <div className="govuk-inset-text">
        Reviews already being analysed keep the version they started with. Only reviews that start their
        analysis after you publish will use the new version.
      </div>
      {conflict ? (
        <details className="govuk-details" open>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              The newest published version (version {current.version})
            </span>
          </summary>
          <div className="govuk-details__text">
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
            <pre className="govuk-body-s app-reference-json" tabIndex={0}>
              {asJson(current.content)}
            </pre>
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => setText(asJson(current.content))}
            >
              Start again from version {current.version}
            </button>
          </div>
        </details>
      ) : null}
      <form noValidate onSubmit={submit} className="app-reference-editor">
        <TextField
          id="name"
          label="Name of the new version"
          hint="For example, “Local rules agreed by the partnership board, March 2027”"
          value={name}
          onChange={setName}
          error={problem?.fields.name}
        />
        <TextareaField
          id="content"
          label={`The ${label.toLowerCase()}, as JSON`}
          hint={
            <>
              It starts as the current version (version {basedOn}). {shapes[kind]} Keep the double quotation
              marks, commas and brackets as they are.
            </>
          }
          value={text}
          onChange={setText}
          error={problem?.fields.content}
          rows={24}
          spellCheck={false}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={publish.isPending}>
            Publish version {basedOn + 1}
          </button>
          {text !== asJson(current.content) ? (
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => setText(asJson(current.content))}
            >
              Undo my changes
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
  return { form, problems: problem?.items };
}
