import type { IsoDate } from '../calendar/working-days.ts';
import { libraryThemes } from '../library/library.ts';
import type { Block, ReportDocument, Section } from '../report/document.ts';
import type { AnalyticsDto } from './analytics.ts';
import { type AnalyticsData, median, UNCODED } from './rules.ts';

/*
 * The annual-report data pack: the figures a safeguarding partnership puts in its yearly report
 * about what it learned from reviews, each with a sentence of context, and a note on what is
 * counted. Counts only: no case detail and no names.
 */

/** Everything the data pack is built from. */
export type AnnualReportFacts = {
  year: number;
  partnershipName: string;
  generatedOn: IsoDate;
  /** The analytics for the one year. */
  analytics: AnalyticsData;
  /** The reviews published in the year, however long ago they were initiated. */
  published: readonly { days: number; withinTarget: boolean }[];
  /** Findings of the year by theme key. */
  themes: readonly { key: string; count: number }[];
};

/** "1 review", "3 reviews", "no reviews". */
export const countOf = (n: number, one: string, many = `${one}s`) =>
  `${n === 0 ? 'no' : n} ${n === 1 ? one : many}`;

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const paragraph = (text: string): Block => ({ kind: 'paragraph', text });
const table = (caption: string, columns: string[], rows: (string | number)[][]): Block => ({
  kind: 'table',
  caption,
  columns,
  rows: rows.map((r) => r.map(String)),
});
const section = (key: string, title: string, blocks: Block[]): Section => ({
  id: `annual-report.${key}`,
  title,
  origin: 'generated',
  blocks,
  sections: [],
});

/** The reviews figures: how many initiated and published, and how long the published ones took. */
export function publicationFigures(facts: AnnualReportFacts) {
  const medianDays = median(facts.published.map((p) => p.days));
  return {
    initiated: facts.analytics.timeliness.reviews.length,
    published: facts.published.length,
    medianDays: medianDays === null ? null : Math.round(medianDays),
    withinTarget: facts.published.filter((p) => p.withinTarget).length,
  };
}

/** The typology categories with their findings in the year, most first, uncoded last. */
function typologyRows(facts: AnnualReportFacts) {
  const year = facts.analytics.typology.years[0];
  const counts = year?.counts ?? {};
  const rows = facts.analytics.typology.categories
    .map((c) => ({ name: c.name, count: counts[c.code] ?? 0 }))
    .sort((a, b) => b.count - a.count);
  return { rows, uncoded: counts[UNCODED] ?? 0, total: year?.total ?? 0 };
}

const themeRows = (facts: AnnualReportFacts) =>
  facts.themes
    .map((t) => ({ label: (libraryThemes as Record<string, string>)[t.key] ?? t.key, count: t.count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));

const factorName = (f: AnalyticsDto['factors'][number]) =>
  f.factorType ? `${f.groupLabel}: ${f.factorType}` : f.groupLabel;

function actionFigures(facts: AnnualReportFacts) {
  const quarters = facts.analytics.actions.byQuarter;
  const sum = (k: 'completed' | 'overdue' | 'open') => quarters.reduce((n, q) => n + q[k], 0);
  const completed = sum('completed');
  const overdue = sum('overdue');
  const open = sum('open');
  return { quarters, completed, overdue, open, due: completed + overdue + open };
}

/** The short plain-English summary at the top of the data pack. */
export function annualSummary(facts: AnnualReportFacts): string[] {
  const { year } = facts;
  const reviews = publicationFigures(facts);
  const typology = typologyRows(facts);
  const top = typology.rows[0];
  const factor = facts.analytics.factors[0];
  const theme = themeRows(facts)[0];
  const actions = actionFigures(facts);
  return [
    `${capitalised(countOf(reviews.initiated, 'review'))} ${reviews.initiated === 1 ? 'was' : 'were'} initiated in ${year} and ${countOf(reviews.published, 'review')} ${reviews.published === 1 ? 'was' : 'were'} published.`,
    reviews.published
      ? `The reviews published took a median of ${countOf(reviews.medianDays ?? 0, 'day')} from initiation to publication; ${reviews.withinTarget} of ${reviews.published} ${reviews.withinTarget === 1 ? 'was' : 'were'} published within six months.`
      : `No review was published in ${year}, so there is no time to publication to report.`,
    top?.count
      ? `${capitalised(countOf(typology.total, 'finding'))} ${typology.total === 1 ? 'is' : 'are'} counted for ${year}; the typology category with most was “${top.name}” (${top.count}).`
      : `${capitalised(countOf(typology.total, 'finding'))} ${typology.total === 1 ? 'is' : 'are'} counted for ${year}${typology.total ? ', none of them coded to a typology category' : ''}.`,
    factor
      ? `The contributory factor found most often was “${factorName(factor)}”: ${countOf(factor.count, 'time')} in ${countOf(factor.reviews, 'review')}.`
      : `No contributory factors were recorded in ${year}.`,
    ...(theme
      ? [`The theme found most often was “${theme.label}” (${countOf(theme.count, 'finding')}).`]
      : []),
    actions.due
      ? `${capitalised(countOf(actions.due, 'action'))} ${actions.due === 1 ? 'was' : 'were'} due in ${year}; ${actions.completed} ${actions.completed === 1 ? 'has' : 'have'} been completed and ${actions.overdue} ${actions.overdue === 1 ? 'is' : 'are'} overdue.`
      : `No actions were due in ${year}.`,
  ];
}

/** The note on what each figure counts. */
export const whatTheFiguresCount = [
  'Reviews initiated are the partnership’s reviews whose initiation date falls in the year. Reviews published are those whose report was published in the year, whenever they began; the time to publication runs from the initiation date to the publication date, and the expectation is publication within six months of initiation.',
  'Findings are those in the partnership’s learning library for the year: the findings of its reviews once the review team has agreed them, and older published findings the partnership has imported. A finding may have several themes or none, so the themes do not add up to the number of findings.',
  'Contributory factors are those the review teams recorded against key practice episodes during the year; a factor found in several episodes of one review is counted each time, and the reviews column says in how many reviews it appeared.',
  'Actions are those of the partnership’s action plans due in the year, counted as they stand on the day this document was made: completed means done or with its impact verified; overdue means past its due date and still open or in progress; open means not yet due.',
];

/** The annual-report data pack as a document model: a summary, a table for each figure and a note on what is counted. */
export function buildAnnualReportDocument(facts: AnnualReportFacts): ReportDocument {
  const { year } = facts;
  const reviews = publicationFigures(facts);
  const typology = typologyRows(facts);
  const themes = themeRows(facts);
  const actions = actionFigures(facts);
  const factors = facts.analytics.factors;
  return {
    schemaVersion: 1,
    title: `Learning from reviews: data for the annual report ${year}`,
    subtitle: `1 January to 31 December ${year}`,
    partnershipName: facts.partnershipName,
    versionNumber: 1,
    generatedOn: facts.generatedOn,
    sections: [
      section('summary', 'Summary', [{ kind: 'list', ordered: false, items: annualSummary(facts) }]),
      section('reviews', 'Reviews', [
        paragraph(
          `Reviews are expected to be published within six months of initiation. These figures show how many reviews began and were published in ${year}, and how long the published ones took.`,
        ),
        table(
          `Reviews in ${year}`,
          ['Measure', 'Figure'],
          [
            ['Reviews initiated', reviews.initiated],
            ['Reviews published', reviews.published],
            ['Median days from initiation to publication', reviews.medianDays ?? 'None published'],
            ['Published within six months', reviews.withinTarget],
          ],
        ),
      ]),
      section('typology', 'Findings by typology category', [
        paragraph(
          `The typology groups findings by the kind of pattern in the system they describe. This table counts the findings for ${year} in each category.`,
        ),
        table(
          `Findings for ${year} by typology category`,
          ['Category', 'Findings'],
          [
            ...typology.rows.map((r) => [r.name, r.count]),
            ['Not coded to a category', typology.uncoded],
            ['Total', typology.total],
          ],
        ),
      ]),
      section('themes', 'Themes', [
        themes.length
          ? paragraph(`The themes the findings for ${year} touch on, most frequent first.`)
          : paragraph(`No finding for ${year} has a theme recorded.`),
        ...(themes.length
          ? [
              table(
                `Findings for ${year} by theme`,
                ['Theme', 'Findings'],
                themes.map((t) => [t.label, t.count]),
              ),
            ]
          : []),
      ]),
      section('factors', 'Most frequent contributory factors', [
        factors.length
          ? paragraph(
              `Contributory factors explain why practice happened as it did. These are the ${factors.length === 1 ? 'factor' : `${factors.length} factors`} recorded most often in ${year}.`,
            )
          : paragraph(`No contributory factors were recorded in ${year}.`),
        ...(factors.length
          ? [
              table(
                `Contributory factors recorded most often in ${year}`,
                ['Factor group', 'Factor type', 'Times found', 'Reviews'],
                factors.map((f) => [f.groupLabel, f.factorType ?? 'Not specified', f.count, f.reviews]),
              ),
            ]
          : []),
      ]),
      section('actions', 'Actions', [
        paragraph(
          `The actions the partnership’s action plans set to be done in ${year}, by the quarter they were due, and where they stand now.`,
        ),
        table(
          `Actions due in ${year}`,
          ['Quarter due', 'Completed', 'Overdue', 'Open'],
          [
            ...actions.quarters.map((q) => [q.quarter, q.completed, q.overdue, q.open]),
            ['Total', actions.completed, actions.overdue, actions.open],
          ],
        ),
      ]),
      section('counts', 'What the figures count', whatTheFiguresCount.map(paragraph)),
    ],
  };
}
