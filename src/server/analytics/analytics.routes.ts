import {
  analyticsChartParams,
  analyticsDto,
  analyticsParams,
  analyticsQuery,
  annualReportQuery,
} from '#domain/analytics/analytics.ts';
import { type AnyRoute, defineRoute, Respond } from '../http/route.ts';
import { memberCtx, partnershipAccess } from '../partnership/access.ts';
import { getAnalytics } from './analytics.service.ts';
import {
  chartNamed,
  csvType,
  docxType,
  downloadAnnualReport,
  downloadChartCsv,
} from './analytics-download.ts';

const tags = ['Analytics'];
const base = '/api/partnerships/:partnershipId/analytics';

const who =
  'Every member of the partnership may see them (they are counts, with no case detail); a partnership the person does not belong to is 404.';
const years =
  '`from` and `to` choose the years (whole numbers from 1990 to 2100); by default `to` is this year and `from` four years before it. A first year after the last is a 400 naming `from`.';
const charts =
  '`typology`: the findings in the learning library (agreed or final findings of the partnership’s reviews, and older published findings it imported) by year and typology category, every year of the range present and zero-filled, with the built-in categories, any other category found, and `none` for findings with no category. `factors`: the 12 contributory factors (group and factor type) recorded most often in the years, with how many times and in how many reviews. `timeliness`: each review initiated in the years, with days from initiation to publication (or to today if not yet published) and whether it was, or still can be, published within six months of initiation; the median days of those published and how many were within six months; `targetDays` (183) is six months for drawing the target line. `actions`: the actions by the calendar quarter they were due, each quarter of the range present, counted as completed (done or impact verified), overdue (past due and open or in progress) or open (not yet due); `totals` counts all the partnership’s actions at each status and overdue, as the action tracker does.';

const attachment = (file: { body: Buffer; fileName: string }, type: string) =>
  new Respond(file.body, 200, (reply) => {
    reply.type(type);
    reply.header('Content-Disposition', `attachment; filename="${file.fileName}"`);
    reply.header('X-Content-Type-Options', 'nosniff');
  });

/** Analytics across a partnership's reviews, their CSV data and the annual-report data pack. */
export const analyticsRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: base,
    operationId: 'getAnalytics',
    summary: 'Analytics across the partnership’s reviews',
    description: `Four charts’ data for a range of years. ${charts} ${years} ${who} \`abilities.download\` says whether the person may download the data.`,
    tags,
    auth: 'session',
    params: analyticsParams,
    access: partnershipAccess('viewAnalytics'),
    query: analyticsQuery,
    response: { status: 200, schema: analyticsDto, description: 'The data of each chart' },
    errors: [400, 401, 404],
    handler: async (ctx, { query }) => getAnalytics(memberCtx(ctx), query),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/charts/:chart`,
    operationId: 'downloadAnalyticsCsv',
    summary: 'Download the data behind one chart as CSV',
    description: `The same data as \`getAnalytics\` for one chart, as a CSV file (UTF-8 with a byte order mark, so Excel opens it correctly) named like findings-by-typology-2022-2026.csv. Columns: for \`typology\`, Year, one column per category, Uncoded and Total; for \`factors\`, Factor group, Factor type, Times found and Reviews; for \`timeliness\`, Review, Initiated, Published, Days and Within six months (Yes, No or Not yet published); for \`actions\`, Quarter due, Completed, Overdue and Open. A chart other than typology, factors, timeliness or actions is a 400 naming \`chart\`. ${years} ${who} Each download is recorded in the audit log with the chart and years.`,
    tags,
    auth: 'session',
    params: analyticsChartParams,
    access: partnershipAccess('viewAnalytics'),
    query: analyticsQuery,
    response: { status: 200, schema: null, description: 'The CSV file, as an attachment' },
    errors: [400, 401, 404],
    handler: async (ctx, { params, query }) => {
      const chart = chartNamed(params.chart);
      return attachment(await downloadChartCsv(memberCtx(ctx), chart, query), csvType);
    },
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/annual-report`,
    operationId: 'downloadAnnualReport',
    summary: 'Download the data for the partnership’s annual report as a Word document',
    description: `“Learning from reviews: data for the annual report” for one calendar year (\`year\`, by default this year), named like annual-report-data-2026.docx: a short plain-English summary, then a table with a sentence of context for each figure: reviews initiated and published in the year, the median days from initiation to publication of those published and how many were within six months, the year’s findings by typology category and by theme, the contributory factors recorded most often in the year, and the actions due in the year by quarter (completed, overdue, open); it ends with a note on what each figure counts. Real headings, a table header row that repeats on each page, a document title and British English. ${who} Each download is recorded in the audit log with the year.`,
    tags,
    auth: 'session',
    params: analyticsParams,
    access: partnershipAccess('viewAnalytics'),
    query: annualReportQuery,
    response: { status: 200, schema: null, description: 'The Word document, as an attachment' },
    errors: [400, 401, 404],
    handler: async (ctx, { query }) =>
      attachment(await downloadAnnualReport(memberCtx(ctx), query), docxType),
  }),
];
