import { UNCODED } from '#domain/analytics/rules.ts';
import type { AnalyticsDto } from './api.ts';

/** "1 finding" or "3 findings". */
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const years = (dto: AnalyticsDto) =>
  dto.from === dto.to ? `in ${dto.from}` : `from ${dto.from} to ${dto.to}`;

/** The categories a chart of findings shows: the typology's, and "Uncoded" where any finding has none. */
export function typologySeries(dto: AnalyticsDto): { code: string; name: string }[] {
  const anyUncoded = dto.typology.years.some((y) => (y.counts[UNCODED] ?? 0) > 0);
  return [...dto.typology.categories, ...(anyUncoded ? [{ code: UNCODED, name: 'Uncoded' }] : [])];
}

/** What each chart shows, in a sentence under its heading and as the chart's label. */
export type ChartWords = { summary: string; label: string };

export function typologyWords(dto: AnalyticsDto): ChartWords {
  const total = dto.typology.years.reduce((sum, y) => sum + y.total, 0);
  const byCategory = typologySeries(dto)
    .map((c) => ({ ...c, n: dto.typology.years.reduce((sum, y) => sum + (y.counts[c.code] ?? 0), 0) }))
    .sort((a, b) => b.n - a.n);
  const top = byCategory[0];
  const summary =
    total === 0 || !top
      ? `No findings were agreed ${years(dto)}.`
      : `${count(total, 'finding')} ${years(dto)}; the most common category was ${top.name} (${top.n}).`;
  const perYear = dto.typology.years.map((y) => `${y.year}: ${y.total}`).join(', ');
  return {
    summary,
    label: `Stacked bar chart of findings each year by typology category. Findings a year: ${perYear || 'none'}. ${summary}`,
  };
}

export function factorsWords(dto: AnalyticsDto): ChartWords {
  const [top] = dto.factors;
  const summary = top
    ? `The most frequent contributory factor was ${factorName(top)}, found ${count(top.count, 'time')} in ${count(top.reviews, 'review')}.`
    : `No contributory factors were recorded in reviews ${years(dto)}.`;
  const listed = dto.factors
    .slice(0, 5)
    .map((f) => `${factorName(f)}: ${f.count}`)
    .join('; ');
  return {
    summary,
    label: `Horizontal bar chart of the most frequent contributory factors${listed ? `. ${listed}` : ''}. ${summary}`,
  };
}

/** A factor's group and, where known, its type: "Professional: Supervision". */
export const factorName = (f: AnalyticsDto['factors'][number]) =>
  f.factorType ? `${f.groupLabel}: ${f.factorType}` : f.groupLabel;

export function timelinessWords(dto: AnalyticsDto): ChartWords {
  const t = dto.timeliness;
  const summary =
    t.reviews.length === 0
      ? `No reviews were initiated ${years(dto)}.`
      : t.published === 0
        ? `None of the ${count(t.reviews.length, 'review')} initiated ${years(dto)} has been published yet.`
        : `${t.publishedWithinTarget} of ${count(t.published, 'published review')} ${t.published === 1 ? 'was' : 'were'} published within six months${
            t.medianDaysToPublication === null
              ? ''
              : `; the median was ${count(t.medianDaysToPublication, 'day')}`
          }.`;
  const over = t.reviews.filter((r) => !r.withinTarget).length;
  return {
    summary,
    label: `Bar chart of the days each review took from initiation to publication, or so far if not yet published, with a line at the six-month target of ${t.targetDays} days. ${count(over, 'review')} over the target. ${summary}`,
  };
}

export function actionsWords(dto: AnalyticsDto): ChartWords {
  const sum = (key: 'completed' | 'overdue' | 'open') =>
    dto.actions.byQuarter.reduce((total, q) => total + q[key], 0);
  const completed = sum('completed');
  const overdue = sum('overdue');
  const open = sum('open');
  const all = completed + overdue + open;
  const summary =
    all === 0
      ? `No actions were due ${years(dto)}.`
      : `Of ${count(all, 'action')} due ${years(dto)}, ${completed} ${completed === 1 ? 'was' : 'were'} completed, ${overdue} ${overdue === 1 ? 'is' : 'are'} overdue and ${open} ${open === 1 ? 'is' : 'are'} open.`;
  return {
    summary,
    label: `Stacked bar chart of actions by the quarter they were due: completed, overdue and open. ${summary}`,
  };
}
