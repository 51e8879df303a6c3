import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useFormProblem } from '../components/form-problem.ts';
import { Loading } from '../components/problem-pages.tsx';
import { RadiosField } from '../components/radios-field.tsx';
import { ReviewContent } from '../review/review-navigation.tsx';
import { narrativePage, useEvent, useEvents, useMergeEvent } from './api.ts';
import { eventPeriod, NarrativeShell, useReviewParams } from './bits.tsx';
import type { NarrativePageState } from './narrative-page.tsx';

const excerpt = (text: string) => (text.length > 160 ? `${text.slice(0, 157)}…` : text);

/**
 * Merge an event with another recorded on the same date, when two agencies recorded the same thing:
 * the other agency's record becomes its account of this event.
 */
export function MergeEventPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const eventId = useParams().eventId ?? '';
  const event = useEvent(partnershipId, reviewId, eventId);
  const date = event.data?.occurredOn;
  const sameDay = useEvents(partnershipId, reviewId, { from: date, to: date }, Boolean(date));
  const merge = useMergeEvent(partnershipId, reviewId, eventId);
  const navigate = useNavigate();
  const [otherEventId, setOther] = useState('');
  const [missing, setMissing] = useState(false);
  const serverProblem = useFormProblem(merge.error, ['otherEventId']);
  const problem = missing
    ? {
        items: [{ field: 'otherEventId', message: 'Select the event to merge with' }],
        fields: { otherEventId: 'Select the event to merge with' },
      }
    : serverProblem;
  const eventPath = narrativePage(partnershipId, reviewId, `events/${eventId}`);

  return (
    <NarrativeShell
      title="Merge with another event"
      heading="Merge with another event"
      errors={problem?.items}
      problem={event.error ?? sameDay.error}
      forbidden={(r) =>
        r.abilities.editNarrative ? null : 'You do not have permission to change events in this narrative.'
      }
      render={() => {
        if (!event.data || !sameDay.data) return <Loading />;
        const e = event.data;
        const others = sameDay.data.events.filter((o) => o.id !== e.id);
        const submit = (form: FormEvent<HTMLFormElement>) => {
          form.preventDefault();
          setMissing(!otherEventId);
          if (!otherEventId) return;
          merge.mutate(
            { otherEventId, version: e.version },
            {
              onSuccess: () => {
                const state: NarrativePageState = { banner: 'The events have been merged' };
                navigate(eventPath, { state });
              },
            },
          );
        };
        return (
          <ReviewContent>
            <p className="govuk-body">
              {e.agencyName}, {eventPeriod(e)}: {excerpt(e.summary)}
            </p>
            {others.length === 0 ? (
              <>
                <p className="govuk-body">No other event is recorded on the same date.</p>
                <Link className="govuk-link" to={eventPath}>
                  Back to the event
                </Link>
              </>
            ) : (
              <form noValidate onSubmit={submit}>
                <RadiosField
                  id="otherEventId"
                  legend="Which event is the same as this one?"
                  hint="The other event’s record is kept as that agency’s account of this event."
                  value={otherEventId}
                  onChange={setOther}
                  error={problem?.fields.otherEventId}
                  choices={others.map((o) => ({
                    value: o.id,
                    label: `${o.agencyName}, ${eventPeriod(o)}`,
                    hint: excerpt(o.summary),
                  }))}
                />
                <div className="govuk-button-group">
                  <button type="submit" className="govuk-button" disabled={merge.isPending}>
                    Merge events
                  </button>
                  <Link className="govuk-link" to={eventPath}>
                    Cancel
                  </Link>
                </div>
              </form>
            )}
          </ReviewContent>
        );
      }}
    />
  );
}
