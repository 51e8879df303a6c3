import {
  type PublicationDecision,
  type PublicationField,
  type PublicationForm,
  publicationFields,
} from '#domain/publication/publication.ts';
import type { FormProblem } from '../components/form-problem.ts';
import { clientProblem } from '../review/client-problem.ts';
import { type DateParts, parseDateParts, partsFromIso } from '../review/dates.ts';
import type { PublicationDto, RecordPublicationBody } from './api.ts';

/** The ids of the form's questions, which are also the paths of the server's field errors. */
export const publicationFieldIds = Object.keys(publicationFields) as PublicationField[];

const dateFields = [
  'panelNoticeSentOn',
  'dfeNoticeSentOn',
  'plannedPublicationDate',
  'publishedOn',
  'removalDate',
  'repositorySentOn',
] as const;
type DateField = (typeof dateFields)[number];

/** What the form holds: the words and date boxes as typed. */
export type PublicationValues = {
  decision: PublicationDecision;
  decisionReason: string;
  form: PublicationForm | '';
  formReason: string;
  url: string;
  notes: string;
} & Record<DateField, DateParts>;

/** How each date is named in messages about what was typed. */
const dateLabels: Record<DateField, string> = {
  panelNoticeSentOn: 'the date notice was sent to the national panel',
  dfeNoticeSentOn: 'the date notice was sent to the Department for Education',
  plannedPublicationDate: 'the planned publication date',
  publishedOn: 'the date it was published',
  removalDate: 'the date it comes down',
  repositorySentOn: 'the date it was sent to the NSPCC repository',
};

/** The form's values from the record as it is now. */
export function valuesFrom(p: PublicationDto): PublicationValues {
  return {
    decision: p.decision,
    decisionReason: p.decisionReason ?? '',
    form: p.form ?? '',
    formReason: p.formReason ?? '',
    url: p.url ?? '',
    notes: p.notes ?? '',
    panelNoticeSentOn: partsFromIso(p.panelNoticeSentOn),
    dfeNoticeSentOn: partsFromIso(p.dfeNoticeSentOn),
    plannedPublicationDate: partsFromIso(p.plannedPublicationDate),
    publishedOn: partsFromIso(p.publishedOn),
    removalDate: partsFromIso(p.removalDate),
    repositorySentOn: partsFromIso(p.repositorySentOn),
  };
}

/**
 * Which questions the form asks for a decision: the reason under "do not publish"; how, when and
 * where it is published, when it comes down and the repository only for "publish"; the planned
 * date unless it will not be published. The notices and notes are always asked.
 */
export function shownFor(decision: PublicationDecision): Record<PublicationField, boolean> {
  const publish = decision === 'publish';
  return {
    decision: true,
    decisionReason: decision === 'not_publish',
    form: publish,
    formReason: publish,
    panelNoticeSentOn: true,
    dfeNoticeSentOn: true,
    plannedPublicationDate: decision !== 'not_publish',
    publishedOn: publish,
    url: publish,
    removalDate: publish,
    repositorySentOn: publish,
    notes: true,
  };
}

/** A typed date read as `YYYY-MM-DD`, or null when it is blank or not a real date. */
export function dateOf(parts: DateParts): string | null {
  const read = parseDateParts(parts, 'the date');
  return read.ok ? read.iso : null;
}

/**
 * The body to send: every question the decision asks, with the questions it does not ask cleared,
 * and the version the change is based on. Dates that are not real dates are found here, before
 * sending, in the shape the server's own problems take.
 */
export function publicationBody(
  values: PublicationValues,
  version: number,
): { body: RecordPublicationBody } | { problem: FormProblem } {
  const shown = shownFor(values.decision);
  const dates = {} as Record<DateField, string | null>;
  const errors: Record<string, string> = {};
  for (const field of dateFields) {
    if (!shown[field]) {
      dates[field] = null;
      continue;
    }
    const read = parseDateParts(values[field], dateLabels[field]);
    if (read.ok) dates[field] = read.iso;
    else errors[field] = read.message;
  }
  const problem = clientProblem(errors, publicationFieldIds);
  if (problem) return { problem };
  const text = (field: 'decisionReason' | 'formReason' | 'url' | 'notes', value: string) =>
    shown[field] && value.trim() ? value : null;
  const form = shown.form && values.form ? values.form : null;
  return {
    body: {
      version,
      decision: values.decision,
      decisionReason: text('decisionReason', values.decisionReason),
      form,
      formReason: form === 'redacted' || form === 'delayed' ? text('formReason', values.formReason) : null,
      ...dates,
      url: text('url', values.url),
      notes: text('notes', values.notes),
    },
  };
}
