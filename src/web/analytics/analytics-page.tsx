import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import type { ErrorSummaryItem } from '../components/error-summary.tsx';
import { describedBy, ErrorMessage, formGroupClass } from '../components/form-fields.tsx';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { ActionsChart, FactorsChart, TimelinessChart, TypologyChart } from './analytics-charts.tsx';
import { ChartSection } from './analytics-section.tsx';
import { actionsWords, factorsWords, timelinessWords, typologyWords } from './analytics-summaries.ts';
import { type AnalyticsDto, annualReportPath, useAnalytics } from './api.ts';
import './analytics.scss';

const thisYear = new Date().getFullYear();

/** The years to choose from: the last fifteen, and any the address asks for outside them. */
function yearChoices(...also: (number | undefined)[]): number[] {
  const known = also.filter((y): y is number => typeof y === 'number' && Number.isInteger(y));
  const first = Math.min(thisYear - 14, ...known);
  const last = Math.max(thisYear, ...known);
  return Array.from({ length: last - first + 1 }, (_, i) => last - i);
}

const yearOf = (value: string | undefined) => (value && /^\d{4}$/.test(value) ? Number(value) : undefined);

/**
 * Analytics across the partnership's reviews for a range of years: what the findings are about,
 * the contributory factors that recur, how long reviews take against six months, and whether
 * actions get done. Each chart says in a sentence what it shows and has its figures as a table and
 * as CSV; the figures for the annual report download as a Word document.
 */
export function AnalyticsPage() {
  const { partnershipId, membership } = useMembership();
  const allowed = membership ? Boolean(membership.abilities.viewAnalytics) : true;
  const [params] = useSearchParams();
  const range = { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined };
  const analytics = useAnalytics(partnershipId, range, allowed);
  const navigate = useNavigate();
  const name = membership?.partnershipName;

  if (membership && !allowed)
    return <ForbiddenPage message="Only members of the partnership can see its analytics." />;
  const fields = analytics.error instanceof ApiError ? analytics.error.fields : [];
  if (analytics.isError && fields.length === 0) return <QueryProblem error={analytics.error} />;
  const errors: ErrorSummaryItem[] = fields.map((f) => ({
    field: f.path === 'to' ? 'to' : f.path === 'from' ? 'from' : undefined,
    message: f.message,
  }));
  const dto = analytics.isError ? undefined : analytics.data;

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    navigate(`?from=${String(form.get('from'))}&to=${String(form.get('to'))}`);
  };

  return (
    <Page
      title={['Analytics', ...(name ? [name] : [])]}
      heading="Analytics"
      caption={name}
      errors={errors}
      width="full"
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            Figures across the partnership’s reviews: what the findings are about, the contributory factors
            that come up again and again, how long reviews take, and whether the actions that follow get done.
          </p>
        </div>
      </div>
      <form
        noValidate
        onSubmit={apply}
        aria-label="Choose the years"
        key={`${params}:${dto?.from}-${dto?.to}`}
      >
        <div className="app-analytics-range">
          <YearSelect
            id="from"
            label="From"
            value={dto?.from ?? yearOf(range.from)}
            choices={yearChoices(dto?.from, yearOf(range.from))}
            error={fields.find((f) => f.path === 'from')?.message}
          />
          <YearSelect
            id="to"
            label="To"
            value={dto?.to ?? yearOf(range.to)}
            choices={yearChoices(dto?.to, yearOf(range.to))}
            error={fields.find((f) => f.path === 'to')?.message}
          />
          <button type="submit" className="govuk-button govuk-button--secondary">
            Apply
          </button>
        </div>
      </form>
      {analytics.isError ? null : !dto ? <Loading /> : <Charts partnershipId={partnershipId} dto={dto} />}
    </Page>
  );
}

type SelectProps = {
  id: string;
  label: string;
  value: number | undefined;
  choices: number[];
  error?: string | undefined;
};

function YearSelect({ id, label, value, choices, error }: SelectProps) {
  return (
    <div className={formGroupClass(error)}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <select
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        id={id}
        name={id}
        defaultValue={value === undefined ? undefined : String(value)}
        aria-describedby={describedBy(id, null, error)}
      >
        {choices.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
}

function Charts({ partnershipId, dto }: { partnershipId: string; dto: AnalyticsDto }) {
  const section = { partnershipId, dto };
  return (
    <>
      <ChartSection
        {...section}
        chart="typology"
        words={typologyWords(dto)}
        empty={dto.typology.years.every((y) => y.total === 0)}
      >
        <TypologyChart dto={dto} />
      </ChartSection>
      <ChartSection {...section} chart="factors" words={factorsWords(dto)} empty={dto.factors.length === 0}>
        <FactorsChart dto={dto} />
      </ChartSection>
      <ChartSection
        {...section}
        chart="timeliness"
        words={timelinessWords(dto)}
        empty={dto.timeliness.reviews.length === 0}
      >
        <TimelinessChart dto={dto} />
      </ChartSection>
      <ChartSection
        {...section}
        chart="actions"
        words={actionsWords(dto)}
        empty={dto.actions.byQuarter.every((q) => q.completed + q.overdue + q.open === 0)}
      >
        <ActionsChart dto={dto} />
      </ChartSection>
      {dto.abilities.download ? <AnnualReport partnershipId={partnershipId} dto={dto} /> : null}
    </>
  );
}

/** The annual-report data pack for a chosen year, as a Word document. */
function AnnualReport({ partnershipId, dto }: { partnershipId: string; dto: AnalyticsDto }) {
  const [year, setYear] = useState(Math.min(dto.to, thisYear));
  return (
    <section className="app-analytics-section" aria-labelledby="annual-report-heading">
      <h2 className="govuk-heading-m" id="annual-report-heading">
        Data for the annual report
      </h2>
      <p className="govuk-body">
        The figures a partnership’s annual report needs for one year, with a sentence of context for each
        table, as a Word document to edit.
      </p>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="report-year">
          Year
        </label>
        <select
          className="govuk-select"
          id="report-year"
          value={year}
          onChange={(event) => setYear(Number(event.target.value))}
        >
          {yearChoices(dto.from, dto.to).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <p className="govuk-body">
        <a className="govuk-link" href={annualReportPath(partnershipId, year)} download>
          Download the annual-report data pack (Word)
          <span className="govuk-visually-hidden"> for {year}</span>
        </a>
      </p>
    </section>
  );
}
