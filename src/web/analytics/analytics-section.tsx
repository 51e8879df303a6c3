import type { ReactNode } from 'react';
import { type AnalyticsChart, analyticsCharts } from '#domain/analytics/analytics.ts';
import { chartTable } from '#domain/analytics/rules.ts';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import { formatDate } from '../review/dates.ts';
import type { ChartWords } from './analytics-summaries.ts';
import { type AnalyticsDto, chartCsvPath } from './api.ts';

type Props = {
  partnershipId: string;
  chart: AnalyticsChart;
  dto: AnalyticsDto;
  words: ChartWords;
  /** Whether there is anything to draw; with nothing, the summary says so and no chart is drawn. */
  empty: boolean;
  children: ReactNode;
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
/** A table cell's value as shown: dates in the GOV.UK style, and an empty value said in words. */
const cell = (value: string | number) =>
  value === '' ? 'None' : typeof value === 'string' && isoDate.test(value) ? formatDate(value) : value;

/**
 * One chart of the analytics: its heading, a sentence saying what it shows, the chart (labelled for
 * screen readers with the same), the same figures as a table, and the data to download as CSV.
 */
export function ChartSection({ partnershipId, chart, dto, words, empty, children }: Props) {
  const heading = analyticsCharts[chart];
  const table = chartTable(dto, chart);
  const headingId = `chart-${chart}-heading`;
  return (
    <section className="app-analytics-section" aria-labelledby={headingId}>
      <h2 className="govuk-heading-m" id={headingId}>
        {heading}
      </h2>
      <p className="govuk-body">{words.summary}</p>
      {empty ? null : (
        <>
          <div className="app-chart" role="img" aria-label={words.label}>
            {children}
          </div>
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">
                Show the data as a table
                <span className="govuk-visually-hidden">: {heading.toLowerCase()}</span>
              </span>
            </summary>
            <div className="govuk-details__text">
              <ScrollableTable label={`${heading}: table`}>
                <table className="govuk-table govuk-table--small-text-until-tablet">
                  <caption className="govuk-table__caption govuk-table__caption--s">
                    {heading}, {dto.from === dto.to ? dto.from : `${dto.from} to ${dto.to}`}
                  </caption>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      {table.header.map((h, i) => (
                        <th
                          key={h}
                          scope="col"
                          className={`govuk-table__header${i > 0 && typeof table.rows[0]?.[i] === 'number' ? ' govuk-table__header--numeric' : ''}`}
                        >
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {table.rows.map((row, r) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the rows of one table never reorder
                      <tr className="govuk-table__row" key={r}>
                        {row.map((value, i) =>
                          i === 0 ? (
                            <th key={table.header[i]} scope="row" className="govuk-table__header">
                              {cell(value)}
                            </th>
                          ) : (
                            <td
                              key={table.header[i]}
                              className={`govuk-table__cell${typeof value === 'number' ? ' govuk-table__cell--numeric' : ''}`}
                            >
                              {cell(value)}
                            </td>
                          ),
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollableTable>
            </div>
          </details>
        </>
      )}
      {dto.abilities.download ? (
        <p className="govuk-body">
          <a className="govuk-link" href={chartCsvPath(partnershipId, chart, dto)} download>
            Download the data (CSV)<span className="govuk-visually-hidden">: {heading.toLowerCase()}</span>
          </a>
        </p>
      ) : null}
    </section>
  );
}
