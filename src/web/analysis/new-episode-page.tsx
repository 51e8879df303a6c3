import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/client.ts';
import { DateInputField } from '../components/date-input-field.tsx';
import { TextField } from '../components/form-fields.tsx';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { RadiosField } from '../components/radios-field.tsx';
import { useReview } from '../review/api.ts';
import { clientProblem } from '../review/client-problem.ts';
import { type DateParts, emptyDate, parseDateParts } from '../review/dates.ts';
import { ReviewContent, ReviewNavigation } from '../review/review-navigation.tsx';
import { useReviewParams } from '../review/review-overview-page.tsx';
import { analysisPage, type CreateEpisodeBody, useCreateEpisode, useEpisodes } from './api.ts';
import { NewEpisodeEvents } from './new-episode-events.tsx';

type Source = 'events' | 'period';
const formId = 'new-episode';
const sourceChoices = [
  { value: 'events', label: 'Choose events from the narrative' },
  {
    value: 'period',
    label: 'Use a period instead',
    hint: 'Give the start and end dates. You can link events to the episode later.',
  },
];

/** The fields the form shows for each way of making an episode, in the order they appear. */
const fieldIdsFor = (source: Source) =>
  source === 'events' ? ['title', 'eventIds'] : ['title', 'periodFrom', 'periodTo'];

/**
 * Names the server's problems after the form's fields: any problem with an event is a problem with
 * the events; when a period is used, "choose events or give the period" belongs to the period.
 */
export function newEpisodeProblemFields(error: unknown, source: Source): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const fields = error.fields.map((f) => {
    const path = f.path.replace(/^eventIds\.\d+$/, 'eventIds');
    return { ...f, path: source === 'period' && path === 'eventIds' ? 'periodFrom' : path };
  });
  return new ApiError(error.status, error.code, error.message, { fields });
}

/** Create a key practice episode from events of the narrative, or from a period. */
export function NewEpisodePage() {
  const { partnershipId, reviewId } = useReviewParams();
  const review = useReview(partnershipId, reviewId);
  const list = useEpisodes(partnershipId, reviewId);
  const create = useCreateEpisode(partnershipId, reviewId);
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [source, setSource] = useState<Source>('events');
  const [chosen, setChosen] = useState<string[]>([]);
  const [periodFrom, setPeriodFrom] = useState<DateParts>(emptyDate);
  const [periodTo, setPeriodTo] = useState<DateParts>(emptyDate);
  const [checked, setChecked] = useState<FormProblem | null>(null);
  const [sentWith, setSentWith] = useState<Source>('events');
  const serverProblem = useFormProblem(
    newEpisodeProblemFields(create.error, sentWith),
    fieldIdsFor(sentWith),
  );

  if (review.isError) return <QueryProblem error={review.error} />;
  if (list.isError) return <QueryProblem error={list.error} />;
  if (!review.data || !list.data) return <Loading />;
  if (!list.data.abilities.create)
    return <ForbiddenPage message="You do not have permission to create episodes in this review." />;
  const r = review.data;
  const problem = checked ?? serverProblem;
  const errors = problem?.fields ?? {};
  const back = analysisPage(partnershipId, reviewId);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const body: CreateEpisodeBody = { title };
    if (source === 'events') body.eventIds = chosen;
    else {
      const from = parseDateParts(periodFrom, 'the start of the period');
      const to = parseDateParts(periodTo, 'the end of the period');
      const found = clientProblem(
        {
          periodFrom: from.ok ? (from.iso ? '' : 'Enter the start of the period') : from.message,
          periodTo: to.ok ? (to.iso ? '' : 'Enter the end of the period') : to.message,
        },
        fieldIdsFor('period'),
      );
      setChecked(found);
      if (found || !from.ok || !to.ok || !from.iso || !to.iso) return;
      body.periodFrom = from.iso;
      body.periodTo = to.iso;
    }
    setChecked(null);
    setSentWith(source);
    create.mutate(body, {
      onSuccess: (episode) =>
        navigate(analysisPage(partnershipId, reviewId, `episodes/${episode.id}`), {
          state: {
            banner: `Episode ${episode.number} has been created`,
            detail: 'Now describe what happened and how it looked at the time.',
          },
        }),
    });
  };

  return (
    <Page
      title={['Create an episode', 'Key practice episodes', r.title]}
      heading="Create an episode"
      caption={r.title}
      errors={problem?.items}
      width="full"
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={r} />
      <ReviewContent>
        <p className="govuk-body">
          A key practice episode is a moment in the case the review looks at closely. Give it a short title,
          then choose the events it is made from, or the period it covers.
        </p>
        <form id={formId} noValidate onSubmit={submit}>
          <TextField
            id="title"
            label="Title"
            hint="A short, neutral name for the moment, such as “Discharge from hospital”."
            value={title}
            onChange={setTitle}
            error={errors.title}
          />
          <RadiosField
            id="source"
            legend="How do you want to make the episode?"
            value={source}
            onChange={(v) => setSource(v as Source)}
            choices={sourceChoices}
          />
          {source === 'period' ? (
            <>
              <DateInputField
                id="periodFrom"
                legend="Start of the period"
                hint="For example, 12 3 2026"
                value={periodFrom}
                onChange={setPeriodFrom}
                error={errors.periodFrom}
                spellCheck={false}
              />
              <DateInputField
                id="periodTo"
                legend="End of the period"
                value={periodTo}
                onChange={setPeriodTo}
                error={errors.periodTo}
                spellCheck={false}
              />
            </>
          ) : null}
        </form>
      </ReviewContent>
      {source === 'events' ? (
        <NewEpisodeEvents
          partnershipId={partnershipId}
          reviewId={reviewId}
          form={formId}
          chosen={chosen}
          onChange={setChosen}
          error={errors.eventIds}
        />
      ) : null}
      <div className="govuk-button-group">
        <button type="submit" form={formId} className="govuk-button" disabled={create.isPending}>
          Create the episode
        </button>
        <Link className="govuk-link" to={back}>
          Cancel
        </Link>
      </div>
    </Page>
  );
}
