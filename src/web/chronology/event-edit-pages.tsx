import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useAgencies } from '../api/partnership.ts';
import type { Choice } from '../components/form-fields.tsx';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { ReviewContent } from '../review/review-navigation.tsx';
import { type ChronologyEventDto, narrativePage, useAddEvent, useEvent, useUpdateEvent } from './api.ts';
import { eventPeriod, NarrativeShell, useReviewParams } from './bits.tsx';
import { EventForm } from './event-form.tsx';
import { type EventValues, eventValues, fieldIds, readEventValues } from './event-form-values.ts';
import type { NarrativePageState } from './narrative-page.tsx';

/** The partnership's active agencies as choices, keeping an inactive one the event already names. */
function useAgencyChoices(keep?: string): { choices: Choice[] | null; error: unknown } {
  const { partnershipId } = useReviewParams();
  const agencies = useAgencies(partnershipId);
  if (!agencies.data) return { choices: null, error: agencies.error };
  return {
    choices: agencies.data.agencies
      .filter((a) => a.active || a.id === keep)
      .map((a) => ({ value: a.id, label: a.name })),
    error: null,
  };
}

/** Add an event to the narrative. */
export function AddEventPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const add = useAddEvent(partnershipId, reviewId);
  const navigate = useNavigate();
  const agencies = useAgencyChoices();
  const [checked, setChecked] = useState<{ problem: FormProblem; values: EventValues } | null>(null);
  const [values, setValues] = useState<EventValues>(eventValues());
  const serverProblem = useFormProblem(add.error, fieldIds(values));
  const problem = checked?.problem ?? serverProblem;
  return (
    <NarrativeShell
      title="Add an event"
      heading="Add an event"
      errors={problem?.items}
      problem={agencies.error}
      forbidden={(r) =>
        r.abilities.editNarrative ? null : 'You do not have permission to add events to this narrative.'
      }
      render={() => {
        if (!agencies.choices) return <Loading />;
        return (
          <ReviewContent>
            <EventForm
              initial={values}
              agencies={agencies.choices}
              problem={problem}
              pending={add.isPending}
              cancelTo={narrativePage(partnershipId, reviewId)}
              onSubmit={(v) => {
                setValues(v);
                const read = readEventValues(v);
                setChecked(read.problem ? { problem: read.problem, values: v } : null);
                if (!read.input) return;
                add.mutate(
                  { ...read.input, sources: [] },
                  {
                    onSuccess: (event) => {
                      const state: NarrativePageState = {
                        banner: `The event on ${eventPeriod(event)} has been added`,
                      };
                      navigate(narrativePage(partnershipId, reviewId, `events/${event.id}`), { state });
                    },
                  },
                );
              }}
            />
          </ReviewContent>
        );
      }}
    />
  );
}

/** Change an event of the narrative. */
export function ChangeEventPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const eventId = useParams().eventId ?? '';
  const event = useEvent(partnershipId, reviewId, eventId);
  if (event.isError) return <QueryProblem error={event.error} />;
  if (!event.data) return <Loading />;
  return <ChangeEventForm event={event.data} />;
}

function ChangeEventForm({ event }: { event: ChronologyEventDto }) {
  const { partnershipId, reviewId } = useReviewParams();
  const update = useUpdateEvent(partnershipId, reviewId, event.id);
  const navigate = useNavigate();
  const agencies = useAgencyChoices(event.agencyId);
  const [values, setValues] = useState<EventValues>(() => eventValues(event));
  const [checked, setChecked] = useState<FormProblem | null>(null);
  const serverProblem = useFormProblem(update.error, fieldIds(values));
  const stale = update.error instanceof ApiError && update.error.status === 409;
  const problem =
    checked ??
    (stale
      ? {
          items: [
            {
              message:
                'Someone else changed this event while you were working. Check it and make your changes again.',
            },
          ],
          fields: {},
          code: 'stale_version',
        }
      : serverProblem);
  const eventPath = narrativePage(partnershipId, reviewId, `events/${event.id}`);
  return (
    <NarrativeShell
      title="Change this event"
      heading="Change this event"
      errors={problem?.items}
      problem={agencies.error}
      forbidden={(r) =>
        r.abilities.editNarrative ? null : 'You do not have permission to change events in this narrative.'
      }
      render={() => {
        if (!agencies.choices) return <Loading />;
        return (
          <ReviewContent>
            <EventForm
              initial={values}
              agencies={agencies.choices}
              problem={problem}
              pending={update.isPending}
              cancelTo={eventPath}
              onSubmit={(v) => {
                setValues(v);
                const read = readEventValues(v);
                setChecked(read.problem);
                if (!read.input) return;
                update.mutate(
                  { ...read.input, version: event.version },
                  {
                    onSuccess: () => {
                      const state: NarrativePageState = { banner: 'The event has been changed' };
                      navigate(eventPath, { state });
                    },
                  },
                );
              }}
            />
          </ReviewContent>
        );
      }}
    />
  );
}
