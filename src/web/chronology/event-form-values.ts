import type {
  ChronologyEventDto,
  CreateChronologyEventInput,
  DatePrecision,
  Significance,
} from '#domain/chronology/chronology.ts';
import { clientProblem } from '../review/client-problem.ts';
import { type DateParts, emptyDate, parseDateParts, partsFromIso } from '../review/dates.ts';

export type SharedRow = { key: number; agencyId: string; learnedOn: DateParts; how: string };
export type PerspectiveRow = { key: number; agencyId: string; personRole: string; account: string };
export type EventValues = {
  occurredOn: DateParts;
  datePrecision: string;
  occurredTime: string;
  endsOn: DateParts;
  agencyId: string;
  practitionerRole: string;
  summary: string;
  significance: string;
  tags: string;
  disputed: boolean;
  sharedWith: SharedRow[];
  perspectives: PerspectiveRow[];
};

let nextKey = 1;
/** A key for a new repeatable row, so React keeps each row's inputs apart. */
export const rowKey = () => nextKey++;

export const emptyShared = (): SharedRow => ({ key: rowKey(), agencyId: '', learnedOn: emptyDate, how: '' });
export const emptyPerspective = (): PerspectiveRow => ({
  key: rowKey(),
  agencyId: '',
  personRole: '',
  account: '',
});

/** The form's starting values: blank, or from an event being changed. */
export function eventValues(event?: ChronologyEventDto): EventValues {
  if (!event) {
    return {
      occurredOn: emptyDate,
      datePrecision: 'exact',
      occurredTime: '',
      endsOn: emptyDate,
      agencyId: '',
      practitionerRole: '',
      summary: '',
      significance: '',
      tags: '',
      disputed: false,
      sharedWith: [],
      perspectives: [],
    };
  }
  return {
    occurredOn: partsFromIso(event.occurredOn),
    datePrecision: event.datePrecision,
    occurredTime: event.occurredTime ?? '',
    endsOn: partsFromIso(event.endsOn),
    agencyId: event.agencyId,
    practitionerRole: event.practitionerRole ?? '',
    summary: event.summary,
    significance: event.significance ?? '',
    tags: event.tags.join(', '),
    disputed: event.disputed,
    // The recording agency always knows from the event date; only the others are "shared with".
    sharedWith: event.knowledge
      .filter((k) => k.agencyId !== event.agencyId)
      .map((k) => ({
        key: rowKey(),
        agencyId: k.agencyId,
        learnedOn: partsFromIso(k.learnedOn),
        how: k.how ?? '',
      })),
    perspectives: event.perspectives.map((p) => ({
      key: rowKey(),
      agencyId: p.agencyId ?? '',
      personRole: p.personRole ?? '',
      account: p.account,
    })),
  };
}

/** The ids of the form's fields, in page order, so problems are listed as the person meets them. */
export function fieldIds(values: EventValues): string[] {
  return [
    'occurredOn',
    'datePrecision',
    'occurredTime',
    'endsOn',
    'agencyId',
    'practitionerRole',
    'summary',
    'significance',
    'tags',
    ...values.sharedWith.flatMap((_, i) => [`sharedWith.${i}.agencyId`, `sharedWith.${i}.learnedOn`]),
    ...values.perspectives.flatMap((_, i) => [`perspectives.${i}.personRole`, `perspectives.${i}.account`]),
  ];
}

const blankToNull = (text: string) => (text.trim() ? text.trim() : null);

/** Checks what can be checked before sending (real dates, required answers) and builds the input. */
export function readEventValues(values: EventValues) {
  const errors: Record<string, string> = {};
  const occurred = parseDateParts(values.occurredOn, 'the date');
  if (!occurred.ok) errors.occurredOn = occurred.message;
  else if (!occurred.iso) errors.occurredOn = 'Enter the date of the event';
  const ends = parseDateParts(values.endsOn, 'the end date');
  if (!ends.ok) errors.endsOn = ends.message;
  else if (ends.iso && occurred.ok && occurred.iso && ends.iso < occurred.iso)
    errors.endsOn = 'The end date must be on or after the date';
  const time = values.occurredTime.trim();
  if (time && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time))
    errors.occurredTime = 'Enter the time like 09:30 or 14:05';
  if (!values.agencyId) errors.agencyId = 'Select the agency that recorded the event';
  if (!values.summary.trim()) errors.summary = 'Enter what happened';
  const sharedWith = values.sharedWith.map((row, i) => {
    const learned = parseDateParts(row.learnedOn, 'the date they learned of it');
    if (!row.agencyId)
      errors[`sharedWith.${i}.agencyId`] = `Select the agency it was shared with (row ${i + 1})`;
    if (!learned.ok) errors[`sharedWith.${i}.learnedOn`] = `${learned.message} (row ${i + 1})`;
    else if (!learned.iso)
      errors[`sharedWith.${i}.learnedOn`] = `Enter the date the agency learned of it (row ${i + 1})`;
    return {
      agencyId: row.agencyId,
      learnedOn: learned.ok ? (learned.iso ?? '') : '',
      how: blankToNull(row.how),
    };
  });
  const perspectives = values.perspectives.map((row, i) => {
    if (!row.account.trim()) errors[`perspectives.${i}.account`] = `Enter their account (account ${i + 1})`;
    return {
      agencyId: row.agencyId || null,
      personRole: blankToNull(row.personRole),
      account: row.account.trim(),
    };
  });
  const problem = clientProblem(errors, fieldIds(values));
  if (problem) return { problem, input: null };
  const input: Omit<CreateChronologyEventInput, 'sources'> = {
    occurredOn: occurred.ok ? (occurred.iso ?? '') : '',
    datePrecision: values.datePrecision as DatePrecision,
    occurredTime: time || null,
    endsOn: ends.ok ? ends.iso : null,
    agencyId: values.agencyId,
    practitionerRole: blankToNull(values.practitionerRole),
    summary: values.summary.trim(),
    significance: (values.significance || null) as Significance | null,
    tags: [
      ...new Set(
        values.tags
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ],
    disputed: values.disputed,
    sharedWith,
    perspectives,
  };
  return { problem: null, input };
}
