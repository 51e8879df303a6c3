import { type FormEvent, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { DateInputField } from '../components/date-input-field.tsx';
import { TextField } from '../components/form-fields.tsx';
import { useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { type DateParts, formatDate, noDate, readDates } from './dates.ts';
import { intakePages, useAddClosure, useCalendarClosures, useRemoveClosure } from './intake-api.ts';
import { type BannerState, useFormErrors } from './use-form-errors.ts';

const fieldIds = ['date', 'name'] as const;

/**
 * The working-day calendar: England and Wales bank holidays, plus days the partnership adds (such
 * as a substitute day announced after the published list). Open deadlines move when a day is added.
 */
export function CalendarPage() {
  const { partnershipId: pid, membership } = useMembership();
  const navigate = useNavigate();
  const state = useLocation().state as BannerState;
  const calendar = useCalendarClosures(pid);
  const add = useAddClosure(pid);
  const remove = useRemoveClosure(pid);
  const { problem, onInvalid, sending } = useFormErrors(add, fieldIds);
  const removeProblem = useFormProblem(remove.error, []);
  const [date, setDate] = useState<DateParts>(noDate);
  const [name, setName] = useState('');
  if (calendar.isError) return <QueryProblem error={calendar.error} />;
  const data = calendar.data;
  const here = intakePages.calendar(pid);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readDates({ date: { parts: date, label: 'the date' } });
    if ('error' in read) return onInvalid(read.error);
    sending();
    add.mutate(
      { date: read.dates.date, name },
      {
        onSuccess: (day) => {
          setDate(noDate);
          setName('');
          navigate(here, {
            replace: true,
            state: { banner: `${formatDate(day.date)} added as a non-working day` },
          });
        },
      },
    );
  };

  return (
    <Page
      title={['Non-working days', ...(membership ? [membership.partnershipName] : [])]}
      heading="Non-working days"
      caption="Notifications"
      errors={problem?.items ?? removeProblem?.items}
      banner={state?.banner ? { heading: state.banner } : null}
    >
      <p className="govuk-body">
        Deadlines count working days: not weekends, not bank holidays in England and Wales, and not the days
        added here. Adding or removing a day moves the due dates of notifications and rapid reviews that are
        still open.
      </p>
      {!data ? <Loading /> : null}
      {data ? (
        <>
          <h2 className="govuk-heading-m">Days added by the partnership</h2>
          {data.closures.length === 0 ? <p className="govuk-body">No days have been added.</p> : null}
          {data.closures.length > 0 ? (
            <ScrollableTable label="Days added by the partnership">
              <table className="govuk-table">
                <caption className="govuk-visually-hidden">Days added by the partnership</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      Date
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Name
                    </th>
                    <th scope="col" className="govuk-table__header">
                      <span className="govuk-visually-hidden">Action</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {data.closures.map((c) => (
                    <tr className="govuk-table__row" key={c.id}>
                      <td className="govuk-table__cell">{formatDate(c.date, true)}</td>
                      <td className="govuk-table__cell">{c.name}</td>
                      <td className="govuk-table__cell">
                        {data.abilities.remove ? (
                          <button
                            type="button"
                            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                            disabled={remove.isPending}
                            onClick={() =>
                              remove.mutate(c.id, {
                                onSuccess: () =>
                                  navigate(here, {
                                    replace: true,
                                    state: {
                                      banner: `${formatDate(c.date)} removed from the non-working days`,
                                    },
                                  }),
                              })
                            }
                          >
                            Remove<span className="govuk-visually-hidden"> {formatDate(c.date)}</span>
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollableTable>
          ) : null}
          {data.abilities.add ? (
            <form noValidate onSubmit={submit}>
              <h2 className="govuk-heading-m">Add a non-working day</h2>
              <DateInputField
                id="date"
                legend="Date"
                hint="For example, 28 12 2026"
                value={date}
                onChange={setDate}
                error={problem?.fields.date}
              />
              <TextField
                id="name"
                label="Name"
                hint="For example, Substitute bank holiday"
                value={name}
                onChange={setName}
                error={problem?.fields.name}
              />
              <button type="submit" className="govuk-button" disabled={add.isPending}>
                Add day
              </button>
            </form>
          ) : null}
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">Bank holidays in England and Wales</span>
            </summary>
            <div className="govuk-details__text">
              <ul className="govuk-list">
                {data.bankHolidays.map((d) => (
                  <li key={d.date}>
                    {formatDate(d.date, true)}: {d.name}
                  </li>
                ))}
              </ul>
            </div>
          </details>
        </>
      ) : null}
    </Page>
  );
}
