import { addMonths, formatISO, parseISO } from 'date-fns';
import type { IsoDate } from '../calendar/working-days.ts';
import type { FieldError } from '../shared/app-error.ts';
import { type PublicationDecision, type PublicationForm, publicationFields } from './publication.ts';

/** How long a published report stays on the partnership's website, at least. */
export const MONTHS_ONLINE = 12;

/** The publication record as the rules read it: every field present, empty ones as null. */
export type PublicationRecord = {
  decision: PublicationDecision;
  decisionReason: string | null;
  form: PublicationForm | null;
  formReason: string | null;
  panelNoticeSentOn: IsoDate | null;
  dfeNoticeSentOn: IsoDate | null;
  plannedPublicationDate: IsoDate | null;
  publishedOn: IsoDate | null;
  url: string | null;
  removalDate: IsoDate | null;
  repositorySentOn: IsoDate | null;
  notes: string | null;
};

/** Nothing recorded yet: the record a review has before anyone saves one. */
export const emptyPublicationRecord: PublicationRecord = {
  decision: 'undecided',
  decisionReason: null,
  form: null,
  formReason: null,
  panelNoticeSentOn: null,
  dfeNoticeSentOn: null,
  plannedPublicationDate: null,
  publishedOn: null,
  url: null,
  removalDate: null,
  repositorySentOn: null,
  notes: null,
};

const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/** The record from what was sent: fields left out or empty become null, text is trimmed. */
export function normalisePublication(input: Partial<PublicationRecord> & { decision: PublicationDecision }) {
  return {
    decision: input.decision,
    decisionReason: blank(input.decisionReason),
    form: input.form ?? null,
    formReason: blank(input.formReason),
    panelNoticeSentOn: input.panelNoticeSentOn ?? null,
    dfeNoticeSentOn: input.dfeNoticeSentOn ?? null,
    plannedPublicationDate: input.plannedPublicationDate ?? null,
    publishedOn: input.publishedOn ?? null,
    url: blank(input.url),
    removalDate: input.removalDate ?? null,
    repositorySentOn: input.repositorySentOn ?? null,
    notes: blank(input.notes),
  } satisfies PublicationRecord;
}

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A `YYYY-MM-DD` date as messages write it: "2 March 2027". */
export function formatLongDate(iso: IsoDate): string {
  return longDate.format(new Date(`${iso}T00:00:00Z`));
}

/**
 * The date the rules count from: the date the report was published or, until it is, the date it is
 * planned to be.
 */
export function publicationDateOf(record: Pick<PublicationRecord, 'publishedOn' | 'plannedPublicationDate'>) {
  return record.publishedOn ?? record.plannedPublicationDate;
}

/**
 * The earliest date a published report may come down: 12 calendar months after it was published
 * (or is planned to be). A report published on 29 February may come down on 28 February the next
 * year, the last day of that month, as calendar months are counted for statutory periods.
 */
export function earliestRemovalDate(
  record: Pick<PublicationRecord, 'publishedOn' | 'plannedPublicationDate'>,
): IsoDate | null {
  const from = publicationDateOf(record);
  // date-fns keeps the day within the month, as the calendar's addCalendarMonths does; used directly
  // so the web, which shows this date as it is typed, does not load the bank holiday data.
  return from ? formatISO(addMonths(parseISO(from), MONTHS_ONLINE), { representation: 'date' }) : null;
}

/**
 * Whether an address is one a published report can be found at: a full https address with a
 * domain name, without a user name or password in it. Returns the problem, or null when it is fine.
 */
export function urlProblem(url: string): string | null {
  const example = 'like https://www.northshirescp.org.uk/reviews/child-a';
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return `Enter the address in the correct format, ${example}`;
  }
  if (parsed.protocol === 'http:') return `The address must start with https://, ${example}`;
  if (parsed.protocol !== 'https:') return `Enter a web address that starts with https://, ${example}`;
  if (/\s/.test(url.trim())) return `Enter the address without spaces, ${example}`;
  if (parsed.username || parsed.password) return 'The address must not include a user name or password';
  const host = parsed.hostname;
  if (!/^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i.test(host))
    return `Enter the address in the correct format, with a domain name, ${example}`;
  return null;
}

/** Where the record needs the decision to publish: these fields only make sense for a published report. */
const publishedOnly: Array<{ field: keyof PublicationRecord; what: string }> = [
  { field: 'form', what: 'How it is published' },
  { field: 'publishedOn', what: 'The date it was published' },
  { field: 'url', what: 'The address of the published report' },
  { field: 'removalDate', what: 'The date it comes down' },
  { field: 'repositorySentOn', what: 'The date it was sent to the NSPCC repository' },
];

/** The dates that record something that has happened, which cannot be later than today. */
const pastDates: Array<{ field: keyof PublicationRecord; what: string }> = [
  { field: 'panelNoticeSentOn', what: 'The date notice was sent to the national panel' },
  { field: 'dfeNoticeSentOn', what: 'The date notice was sent to the Department for Education' },
  { field: 'publishedOn', what: 'The date it was published' },
  { field: 'repositorySentOn', what: 'The date it was sent to the NSPCC repository' },
];

/**
 * What is wrong with a publication record, each problem on the field it concerns, in plain words:
 * - a decision not to publish needs its reason, and a redacted or delayed report needs the reason why;
 * - how it is published, when it was published, its address, when it comes down and when it went to
 *   the repository only when the decision is to publish; no planned date for a report not published;
 * - dates that record what was done (notices sent, published, sent to the repository) not after today;
 * - notice to the national panel and to the Department for Education sent on or before the
 *   publication date (the date published, or else the planned date);
 * - the address a valid https address;
 * - the date it comes down no earlier than 12 months after publication, which needs a publication date;
 * - the report sent to the repository on or after the day it was published.
 * Each field is named once, with its first problem, in the order the form asks.
 */
export function publicationProblems(record: PublicationRecord, today: IsoDate): FieldError[] {
  const problems: FieldError[] = [];
  const add = (path: keyof PublicationRecord, message: string) => {
    if (!problems.some((p) => p.path === path)) problems.push({ path, message });
  };
  const { decision } = record;

  if (decision === 'not_publish' && !record.decisionReason)
    add('decisionReason', 'Enter why the report will not be published');
  if (decision === 'publish' && record.form === 'redacted' && !record.formReason)
    add('formReason', 'Enter why the report is published with parts taken out');
  if (decision === 'publish' && record.form === 'delayed' && !record.formReason)
    add('formReason', 'Enter why publication is delayed');

  if (decision !== 'publish')
    for (const { field, what } of publishedOnly)
      if (record[field])
        add(
          field,
          `${what} can only be recorded when the decision is to publish the report. Choose “Publish the report” or remove it`,
        );
  if (decision === 'not_publish' && record.plannedPublicationDate)
    add('plannedPublicationDate', 'The report will not be published, so remove the planned publication date');

  for (const { field, what } of pastDates) {
    const value = record[field];
    if (value && value > today) add(field, `${what} must be today or in the past`);
  }

  const publication = publicationDateOf(record);
  const which = record.publishedOn ? 'the date it was published' : 'the planned publication date';
  if (publication) {
    const notices = [
      { field: 'panelNoticeSentOn', to: 'the national panel' },
      { field: 'dfeNoticeSentOn', to: 'the Department for Education' },
    ] as const;
    for (const { field, to } of notices) {
      const sent = record[field];
      if (sent && sent > publication)
        add(
          field,
          `Notice must be sent to ${to} before publication: the date it was sent must be on or before ${which}, ${formatLongDate(publication)}`,
        );
    }
  }

  if (record.url) {
    const problem = urlProblem(record.url);
    if (problem) add('url', problem);
  }

  if (record.removalDate) {
    const earliest = earliestRemovalDate(record);
    if (!earliest)
      add(
        'removalDate',
        'Enter the publication date first: the report stays online for at least 12 months after it',
      );
    else if (record.removalDate < earliest)
      add(
        'removalDate',
        `The report must stay online for at least 12 months: the date it comes down must be ${formatLongDate(earliest)} or later`,
      );
  }

  if (record.repositorySentOn) {
    if (!record.publishedOn)
      add(
        'repositorySentOn',
        'Enter the date it was published first: the repository collects published reports',
      );
    else if (record.repositorySentOn < record.publishedOn)
      add(
        'repositorySentOn',
        `The date it was sent to the NSPCC repository must be on or after the date it was published, ${formatLongDate(record.publishedOn)}`,
      );
  }
  // Listed in the order the form asks, so the error summary reads down the page.
  const order = Object.keys(publicationFields);
  return problems.sort((a, b) => order.indexOf(a.path) - order.indexOf(b.path));
}

/**
 * What is still needed for a complete publication record, in the order it is usually done. An empty
 * list means the record is complete. Whether or not the report is published, the national panel and
 * the Department for Education are told first; a published report also needs how, when and where
 * it was published, when it may come down and when it went to the NSPCC repository.
 */
export function publicationChecks(
  record: PublicationRecord,
  report: { signedOffVersion: boolean } = { signedOffVersion: true },
): string[] {
  const checks: string[] = [];
  if (record.decision === 'undecided') checks.push('Record whether the report will be published');
  if (record.decision === 'not_publish' && !record.decisionReason)
    checks.push('Give the reason the report will not be published');
  if (record.decision === 'publish') {
    if (!record.form) checks.push('Choose whether it is published in full, redacted or delayed');
    else if (record.form !== 'full' && !record.formReason)
      checks.push(`Give the reason it is ${record.form === 'redacted' ? 'redacted' : 'delayed'}`);
  }
  if (!record.panelNoticeSentOn)
    checks.push('Record when notice was sent to the Child Safeguarding Practice Review Panel');
  if (!record.dfeNoticeSentOn) checks.push('Record when notice was sent to the Department for Education');
  if (record.decision !== 'publish') return checks;
  if (!report.signedOffVersion)
    checks.push('Sign off a version of the report through the whole sign-off chain');
  if (!record.publishedOn) checks.push('Record the date it was published');
  if (!record.url) checks.push('Give the address where it is published');
  if (!record.removalDate) {
    const earliest = earliestRemovalDate(record);
    checks.push(
      earliest
        ? `Choose the date it comes down: ${formatLongDate(earliest)} or later`
        : 'Choose the date it comes down: at least 12 months after it is published',
    );
  }
  if (!record.repositorySentOn)
    checks.push('Record when it was sent to the NSPCC national case review repository');
  return checks;
}
