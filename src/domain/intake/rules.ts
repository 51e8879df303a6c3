import type { IsoDate } from '../calendar/working-days.ts';
import type { FieldError } from '../shared/app-error.ts';
import { intakeLabels } from './intake.ts';

type Label = keyof typeof intakeLabels;

const sentence = (label: Label) => {
  const text = intakeLabels[label].replace(/^the /, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** Collects field problems, one per field, in the order they are found. */
class Problems {
  readonly list: FieldError[] = [];
  add(path: string, message: string) {
    if (!this.list.some((p) => p.path === path)) this.list.push({ path, message });
  }
  notFuture(path: Label, date: IsoDate | null | undefined, today: IsoDate) {
    if (date && date > today) this.add(path, `${sentence(path)} must be today or in the past`);
  }
  notBefore(path: Label, date: IsoDate | null | undefined, floor: IsoDate | null | undefined, what: string) {
    if (date && floor && date < floor)
      this.add(path, `${sentence(path)} must be the same as or after ${what}`);
  }
}

/** A notification as it would be after a change: the stored values with the change applied. */
export type NotificationValues = {
  incidentDate: IsoDate;
  awareDate: IsoDate;
  submittedDate: IsoDate | null;
  recipients: readonly string[];
};

/**
 * What is wrong with a notification's dates and recipients: the local authority cannot become
 * aware before the incident, a notification cannot be sent before it became aware, none of these
 * dates can be in the future, and a sent notification says who it went to.
 */
export function notificationProblems(v: NotificationValues, today: IsoDate): FieldError[] {
  const p = new Problems();
  p.notFuture('incidentDate', v.incidentDate, today);
  p.notFuture('awareDate', v.awareDate, today);
  p.notBefore('awareDate', v.awareDate, v.incidentDate, intakeLabels.incidentDate);
  p.notFuture('submittedDate', v.submittedDate, today);
  p.notBefore('submittedDate', v.submittedDate, v.awareDate, intakeLabels.awareDate);
  if (v.submittedDate && v.recipients.length === 0)
    p.add('recipients', 'Select who the notification was sent to');
  return p.list;
}

/** A rapid review as it would be after a change, with the date its notification's clock started. */
export type RapidReviewValues = {
  awareDate: IsoDate;
  startedDate: IsoDate;
  decision: string | null;
  decisionRationale: string | null;
  decisionDate: IsoDate | null;
  sentToPanelDate: IsoDate | null;
  panelResponseDate: IsoDate | null;
  panelAgrees: boolean | null;
  panelResponse: string | null;
};

/**
 * What is wrong with a rapid review: a decision needs its reasons and date; the panel's reply needs
 * the date it was sent and cannot come before it; no date is in the future or before the local
 * authority became aware.
 */
export function rapidReviewProblems(v: RapidReviewValues, today: IsoDate): FieldError[] {
  const p = new Problems();
  const aware = intakeLabels.awareDate;
  p.notFuture('startedDate', v.startedDate, today);
  p.notBefore('startedDate', v.startedDate, v.awareDate, aware);
  if (v.decision && !v.decisionRationale?.trim())
    p.add('decisionRationale', 'Enter the reasons for the decision');
  if (v.decision && !v.decisionDate) p.add('decisionDate', `Enter ${intakeLabels.decisionDate}`);
  p.notFuture('decisionDate', v.decisionDate, today);
  p.notBefore('decisionDate', v.decisionDate, v.awareDate, aware);
  p.notFuture('sentToPanelDate', v.sentToPanelDate, today);
  p.notBefore('sentToPanelDate', v.sentToPanelDate, v.awareDate, aware);
  const replied = v.panelResponseDate || v.panelAgrees !== null || Boolean(v.panelResponse?.trim());
  if (replied && !v.sentToPanelDate)
    p.add('sentToPanelDate', `Enter ${intakeLabels.sentToPanelDate} before recording its reply`);
  if (replied && !v.panelResponseDate) p.add('panelResponseDate', `Enter ${intakeLabels.panelResponseDate}`);
  p.notFuture('panelResponseDate', v.panelResponseDate, today);
  p.notBefore('panelResponseDate', v.panelResponseDate, v.sentToPanelDate, 'the date it was sent');
  return p.list;
}

/** What is wrong with an agency's summary request: asked and replied dates in order, not in the future. */
export function agencyRequestProblems(
  v: { awareDate: IsoDate; requestedDate: IsoDate; repliedDate: IsoDate | null },
  today: IsoDate,
): FieldError[] {
  const p = new Problems();
  p.notFuture('requestedDate', v.requestedDate, today);
  p.notBefore('requestedDate', v.requestedDate, v.awareDate, intakeLabels.awareDate);
  p.notFuture('repliedDate', v.repliedDate, today);
  p.notBefore('repliedDate', v.repliedDate, v.requestedDate, 'the date the agency was asked');
  return p.list;
}
