import type { ReportDocument, Section } from '#domain/report/document.ts';
import { type CirculationAudience, circulationAudiences, type SignOffStatus } from '#domain/report/report.ts';
import { todayIso } from '../review/dates.ts';
import type { Circulation, ReportVersionSummary } from './api.ts';
import './report.scss';

/** What a page that sends the person to a report page may ask it to say, such as "Version 3 has been generated". */
export type ReportPageState = { banner?: string; detail?: string } | null;

const signOffColours: Record<SignOffStatus, string> = {
  not_started: 'govuk-tag--grey',
  in_progress: 'govuk-tag--blue',
  signed_off: 'govuk-tag--green',
  changes_requested: 'govuk-tag--orange',
};

/** Where a version is in the sign-off chain, as a GOV.UK tag. */
export function SignOffTag({ status, label }: { status: SignOffStatus; label: string }) {
  return <strong className={`govuk-tag ${signOffColours[status] ?? 'govuk-tag--grey'}`}>{label}</strong>;
}

/** What the identifier scan found in a version: "Clean", "3 to check" or "All 2 acknowledged". */
export function ScanTag({
  version: v,
}: {
  version: Pick<ReportVersionSummary, 'hitCount' | 'unacknowledgedCount'>;
}) {
  if (v.hitCount === 0) return <strong className="govuk-tag govuk-tag--green">Clean</strong>;
  if (v.unacknowledgedCount > 0)
    return (
      <strong className="govuk-tag govuk-tag--red">
        {v.unacknowledgedCount.toLocaleString('en-GB')} to check
      </strong>
    );
  return (
    <strong className="govuk-tag govuk-tag--blue">
      {v.hitCount === 1 ? '1 acknowledged' : `All ${v.hitCount.toLocaleString('en-GB')} acknowledged`}
    </strong>
  );
}

/** Whether a version may be published, as a GOV.UK tag. */
export function PublishableTag({ publishable }: { publishable: boolean }) {
  return publishable ? (
    <strong className="govuk-tag govuk-tag--green">Publishable</strong>
  ) : (
    <strong className="govuk-tag govuk-tag--grey">Not publishable</strong>
  );
}

/** The audiences a version went to, in words: "The review team, the case group". */
export function audiencesInWords(audiences: readonly CirculationAudience[]): string {
  if (audiences.length === 0) return 'Not circulated';
  return audiences
    .map((a, i) => {
      const label = circulationAudiences[a] ?? a;
      return i === 0 ? label : label.charAt(0).toLowerCase() + label.slice(1);
    })
    .join(', ');
}

/** "Version 3". */
export const versionName = (n: number) => `Version ${n}`;

/** Every section of a document in reading order, each with its depth (0 for a top-level section). */
export function flattenSections(
  sections: Section[],
  depth = 0,
  parent?: Section,
): { section: Section; depth: number; parent: Section | undefined }[] {
  return sections.flatMap((section) => [
    { section, depth, parent },
    ...flattenSections(section.sections, depth + 1, section),
  ]);
}

/** The sections of a document as the choices of a select, each titled with its parent: "Introduction – Why this case was chosen". */
export function sectionChoices(document: ReportDocument): { value: string; label: string }[] {
  return flattenSections(document.sections).map(({ section, parent }) => ({
    value: section.id,
    label: parent ? `${parent.title} – ${section.title}` : section.title,
  }));
}

/**
 * Whether a round still takes comments: not closed by anyone and its closing date (a London date)
 * not yet past, as the server decides.
 */
export function roundIsOpen(round: Pick<Circulation, 'closedAt' | 'closesOn'>, today = todayIso()): boolean {
  return !round.closedAt && round.closesOn >= today;
}

/** The id an element of the document preview has for one section, so a comment can link to it. */
export const previewId = (sectionId: string) => `preview-${sectionId.replace(/[^a-zA-Z0-9-]/g, '-')}`;
