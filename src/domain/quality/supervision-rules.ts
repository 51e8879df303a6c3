import type { Section } from '../report/document.ts';
import { type ReviewRole, reviewRoles } from '../review/policy.ts';
import type { FieldError } from '../shared/app-error.ts';
import { type PartnershipRole, partnershipRoles } from '../user/roles.ts';
import type { SupervisionTarget } from './supervision.ts';

/*
 * The rules of supervision that need no database: which report sections a comment may point at,
 * how a comment's target, author and thread are described, and when a session may be recorded.
 */

/**
 * The top-level sections of the report in the Learning Together structure, with their titles. Before
 * the review has a version of its report, a comment may point at one of these or at a part of one,
 * written as the section id, a dot and a lowercase name (like `introduction.why-this-case` or
 * `findings.finding-2`). Once there is a version, only the sections of its latest version count.
 */
export const fixedReportSections: Readonly<Record<string, string>> = {
  introduction: 'Introduction',
  limitations: 'Methodological comment and limitations',
  'research-questions': 'The research questions and how the findings answer them',
  appraisal: 'Appraisal of practice',
  window: 'The case as a window on the system',
  'findings-summary': 'Summary of findings',
  findings: 'Findings',
  appendices: 'Appendices',
};

const partName = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

/** The title of a section of the fixed report structure, or null if the id is not one of it. */
export function fixedSectionTitle(sectionId: string): string | null {
  const [top = '', part, ...rest] = sectionId.split('.');
  const title = Object.hasOwn(fixedReportSections, top) ? fixedReportSections[top] : undefined;
  if (!title || rest.length) return null;
  if (part === undefined) return title;
  if (!partName.test(part)) return null;
  return `${title}, ${part.replaceAll('-', ' ')}`;
}

/** Every section of a report document, at any depth: title by id. */
export function sectionTitles(sections: readonly Section[]): Map<string, string> {
  const titles = new Map<string, string>();
  const walk = (list: readonly Section[]) => {
    for (const s of list) {
      titles.set(s.id, s.title);
      walk(s.sections);
    }
  };
  walk(sections);
  return titles;
}

/**
 * The title of the report section a comment may point at: one of the latest version's sections, or,
 * before there is any version, one of the fixed structure. Null when the id names neither.
 */
export function reportSectionTitle(sectionId: string, latest: ReadonlyMap<string, string> | null) {
  return latest ? (latest.get(sectionId) ?? null) : fixedSectionTitle(sectionId);
}

const oneLine = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** A text on one line, cut at a word near `max` characters with an ellipsis. */
export function shortened(text: string, max = 120): string {
  const line = oneLine(text);
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = line[max - 1] === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/u, '')}…`;
}

/** What a comment is about, in words: “Episode 3: …”, “Finding 2: …” or “Report: <section title>”. */
export function targetLabel(
  type: SupervisionTarget,
  target: { number: number; text: string } | { title: string } | null,
): string {
  if (type === 'report_section')
    return target && 'title' in target
      ? `Report: ${target.title}`
      : 'Report: a section no longer in the report';
  const noun = type === 'episode' ? 'Episode' : 'Finding';
  if (!target || !('number' in target)) return `${noun} (removed)`;
  const text = shortened(target.text);
  return text ? `${noun} ${target.number}: ${text}` : `${noun} ${target.number}`;
}

/**
 * How an author is described in a review: their roles in it (in the order roles are listed), or, for
 * a partnership admin or business manager with no role in it, their role in the partnership.
 */
export function authorRoleLabel(
  roles: readonly ReviewRole[],
  partnershipRole: PartnershipRole | null,
): string | null {
  const held = (Object.keys(reviewRoles) as ReviewRole[]).filter((r) => roles.includes(r));
  if (held.length) return held.map((r) => reviewRoles[r]).join(' and ');
  if (partnershipRole === 'partnership_admin' || partnershipRole === 'business_manager')
    return partnershipRoles[partnershipRole];
  return null;
}

/** Whether a thread is open or resolved; a reply to a resolved thread leaves it resolved. */
export const threadStatus = (resolvedAt: Date | null): 'open' | 'resolved' =>
  resolvedAt ? 'resolved' : 'open';

/** The field error of a session date in the future (after today in London), or null. */
export function sessionDateProblem(heldOn: string, today: string): FieldError | null {
  return heldOn > today
    ? { path: 'heldOn', message: 'The date of the session must be today or in the past' }
    : null;
}
