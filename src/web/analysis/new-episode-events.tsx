import { type FormEvent, useState } from 'react';
import { type ChronologyEventDto, type NarrativeFilters, useEvents } from '../chronology/api.ts';
import { eventDate } from '../chronology/bits.tsx';
import { DateInputField } from '../components/date-input-field.tsx';
import { ErrorMessage, formGroupClass, SelectField } from '../components/form-fields.tsx';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import { type DateParts, emptyDate, parseDateParts } from '../review/dates.ts';
import { count } from './episodes-bits.tsx';

type Props = {
  partnershipId: string;
  reviewId: string;
  /** The id of the form the checkboxes belong to (the table sits outside it, after the filters). */
  form: string;
  chosen: string[];
  onChange: (chosen: string[]) => void;
  error?: string | undefined;
};

type Filters = Pick<NarrativeFilters, 'agencyId' | 'from' | 'to'>;

/** The label of an event's checkbox: its date, agency and what happened. */
export const eventChoiceLabel = (e: ChronologyEventDto) =>
  `Choose ${eventDate(e)}, ${e.agencyName}: ${e.summary}`;

/**
 * The narrative's events, filtered by date and agency, each with a checkbox. Events chosen stay
 * chosen when the filters change. The first checkbox has the id "eventIds", so the error summary's
 * link for the events lands on it.
 */
export function NewEpisodeEvents({ partnershipId, reviewId, form, chosen, onChange, error }: Props) {
  const [filters, setFilters] = useState<Filters>({});
  const events = useEvents(partnershipId, reviewId, filters);
  const shown = events.data?.events ?? [];
  const hiddenChosen = chosen.filter((id) => !shown.some((e) => e.id === id)).length;
  const filtered = Boolean(filters.agencyId || filters.from || filters.to);
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((x) => x !== id));
  const unchosenShown = shown.filter((e) => !chosen.includes(e.id)).map((e) => e.id);

  return (
    <>
      <h2 className="govuk-heading-m">Choose events from the narrative</h2>
      <p className="govuk-body">
        The episode’s period and agencies follow from the events you choose. You can link more events later.
      </p>
      <EventFilters agencies={events.data?.agencies ?? []} onApply={setFilters} />
      <div className={formGroupClass(error)}>
        {error ? <ErrorMessage id="eventIds-error">{error}</ErrorMessage> : null}
        <p className="govuk-body govuk-!-font-weight-bold" aria-live="polite">
          {count(chosen.length, 'event')} chosen
          {hiddenChosen > 0 ? ` (${hiddenChosen} not shown by the filters)` : ''}
        </p>
        {events.isError ? (
          <p className="govuk-body">The narrative could not be shown. Try again, or use a period instead.</p>
        ) : !events.data ? (
          <p className="govuk-body" role="status">
            Loading the events…
          </p>
        ) : shown.length === 0 ? (
          <p className="govuk-body">
            {filtered
              ? 'No events match the filters.'
              : 'There are no events in the narrative yet. Use a period instead, or add events to the narrative first.'}
          </p>
        ) : (
          <>
            <div className="govuk-button-group">
              {unchosenShown.length > 0 ? (
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary"
                  onClick={() => onChange([...chosen, ...unchosenShown])}
                >
                  Choose all {count(shown.length, 'event')} shown
                </button>
              ) : null}
              {chosen.length > 0 ? (
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary"
                  onClick={() => onChange([])}
                >
                  Clear the choices
                </button>
              ) : null}
            </div>
            {events.data.total > shown.length ? (
              <p className="govuk-body">
                Showing the first {shown.length.toLocaleString('en-GB')} of{' '}
                {count(events.data.total, 'event')}. Narrow the filters to see the rest.
              </p>
            ) : null}
            <ScrollableTable label="Events to choose from">
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--s">
                  {filtered ? 'Events that match the filters' : 'Events in the narrative'}
                </caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      Choose
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Date
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Agency
                    </th>
                    <th scope="col" className="govuk-table__header">
                      What happened
                    </th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {shown.map((e, index) => {
                    const id = index === 0 ? 'eventIds' : `event-${e.id}`;
                    return (
                      <tr className="govuk-table__row" key={e.id}>
                        <td className="govuk-table__cell">
                          <div className="govuk-checkboxes govuk-checkboxes--small">
                            <div className="govuk-checkboxes__item">
                              <input
                                className="govuk-checkboxes__input"
                                id={id}
                                name="eventIds"
                                type="checkbox"
                                form={form}
                                value={e.id}
                                checked={chosen.includes(e.id)}
                                onChange={(event) => toggle(e.id, event.target.checked)}
                                aria-describedby={index === 0 && error ? 'eventIds-error' : undefined}
                              />
                              <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                                <span className="govuk-visually-hidden">{eventChoiceLabel(e)}</span>
                              </label>
                            </div>
                          </div>
                        </td>
                        <td className="govuk-table__cell">{eventDate(e)}</td>
                        <td className="govuk-table__cell">{e.agencyName}</td>
                        <td className="govuk-table__cell">{e.summary}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollableTable>
          </>
        )}
      </div>
    </>
  );
}

type FiltersProps = {
  agencies: { id: string; name: string; count: number }[];
  onApply: (filters: Filters) => void;
};

/** Date range and agency filters over the narrative: a form of its own, beside the episode's form. */
function EventFilters({ agencies, onApply }: FiltersProps) {
  const [agencyId, setAgencyId] = useState('');
  const [from, setFrom] = useState<DateParts>(emptyDate);
  const [to, setTo] = useState<DateParts>(emptyDate);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Keep the agencies once seen, so filtering by one agency still offers the others.
  const [known, setKnown] = useState(agencies);
  if (agencies.length > known.length) setKnown(agencies);

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fromDate = parseDateParts(from, 'the from date');
    const toDate = parseDateParts(to, 'the to date');
    const problems: Record<string, string> = {};
    if (!fromDate.ok) problems.filterFrom = fromDate.message;
    if (!toDate.ok) problems.filterTo = toDate.message;
    if (fromDate.ok && toDate.ok && fromDate.iso && toDate.iso && toDate.iso < fromDate.iso)
      problems.filterTo = 'The to date must be the same as or after the from date';
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    onApply({
      agencyId: agencyId || undefined,
      from: (fromDate.ok && fromDate.iso) || undefined,
      to: (toDate.ok && toDate.iso) || undefined,
    });
  };

  const clear = () => {
    setAgencyId('');
    setFrom(emptyDate);
    setTo(emptyDate);
    setErrors({});
    onApply({});
  };

  return (
    <form noValidate onSubmit={apply} aria-labelledby="event-filters-heading">
      <h3 className="govuk-heading-s" id="event-filters-heading">
        Filter the events
      </h3>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <SelectField
            id="filterAgencyId"
            label="Agency"
            emptyLabel="All agencies"
            value={agencyId}
            onChange={setAgencyId}
            choices={known.map((a) => ({ value: a.id, label: `${a.name} (${a.count})` }))}
          />
        </div>
        <div className="govuk-grid-column-one-third">
          <DateInputField
            id="filterFrom"
            legend="From"
            value={from}
            onChange={setFrom}
            error={errors.filterFrom}
            spellCheck={false}
          />
        </div>
        <div className="govuk-grid-column-one-third">
          <DateInputField
            id="filterTo"
            legend="To"
            value={to}
            onChange={setTo}
            error={errors.filterTo}
            spellCheck={false}
          />
        </div>
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show these events
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={clear}>
          Clear filters
        </button>
      </div>
    </form>
  );
}
