import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import type { ErrorSummaryItem } from '../components/error-summary.tsx';
import { useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useReview } from '../review/api.ts';
import { ReviewNavigation } from '../review/review-navigation.tsx';
import { useReviewParams } from '../review/review-overview-page.tsx';
import { analysisPage, type CausalMapDto, useCausalMap } from './api.ts';
import { CausalMapDiagram } from './causal-map-diagram.tsx';
import { causalMapSvgMarkup, downloadBlob, exportFileName, svgToPng } from './causal-map-export.ts';
import { CausalMapFiltersForm, causalMapFilterIds, filtersFrom } from './causal-map-filters.tsx';
import { type CausalMapLayout, episodeRows, layoutCausalMap } from './causal-map-layout.ts';
import { CausalMapLegend, legendOf } from './causal-map-legend.tsx';
import './causal-map.scss';

const counted = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "3 key practice episodes, 5 contributory factors and 1 finding". */
export function mapCounts(map: Pick<CausalMapDto, 'nodes'>): string {
  const of = (kind: string) => map.nodes.filter((n) => n.kind === kind).length;
  const parts = [
    counted(of('episode'), 'key practice episode'),
    counted(of('factor'), 'contributory factor'),
    ...(of('finding') ? [counted(of('finding'), 'finding')] : []),
  ];
  return parts.length > 2 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts.join(' and ');
}

/**
 * The causal map of a review: which contributory factors influenced which key practice episodes,
 * and which findings the episodes support. A drawing to explore and download, with the same
 * information as a list beneath it.
 */
export function CausalMapPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const filters = filtersFrom(params);
  const review = useReview(partnershipId, reviewId);
  const map = useCausalMap(partnershipId, reviewId, filters);
  const invalid = map.error instanceof ApiError && map.error.status === 400 ? map.error : null;
  const problem = useFormProblem(invalid, causalMapFilterIds);
  const [exportProblem, setExportProblem] = useState<ErrorSummaryItem[] | undefined>();
  const svg = useRef<SVGSVGElement>(null);
  // The choices stay while a newly filtered map loads.
  const choices = useRef<Pick<CausalMapDto, 'agencies' | 'groups'>>({ agencies: [], groups: [] });
  if (map.data) choices.current = map.data;
  const layout = useMemo<CausalMapLayout | null>(
    () => (map.data ? layoutCausalMap(map.data) : null),
    [map.data],
  );
  const legend = useMemo(() => (map.data ? legendOf(map.data) : []), [map.data]);

  if (review.isError) return <QueryProblem error={review.error} />;
  if (map.isError && !invalid) return <QueryProblem error={map.error} />;
  if (!review.data) return <Loading />;

  const r = review.data;
  const episodesHref = analysisPage(partnershipId, reviewId);
  const mapHref = analysisPage(partnershipId, reviewId, 'causal-map');
  const filtered = Boolean(filters.agencyId || filters.group);
  const data = map.data;
  const episodeCount = data?.nodes.filter((n) => n.kind === 'episode').length ?? 0;
  const agencyName = choices.current.agencies.find((a) => a.id === filters.agencyId)?.name;
  const groupName = choices.current.groups.find((g) => g.key === filters.group)?.label;
  const narrowed = [agencyName && `${agencyName} only`, groupName && `${groupName} factors only`].filter(
    Boolean,
  );
  const diagramTitle = `Causal map of ${r.title}${narrowed.length ? ` (${narrowed.join(', ')})` : ''}`;
  const fileName = exportFileName(r.title);
  const hasFindings = Boolean(data?.nodes.some((n) => n.kind === 'finding'));
  const intro = `Which contributory factors influenced each key practice episode${hasFindings ? ', and the findings the episodes support' : ''}. Episodes are coloured by their appraisal and factors by their group; each box also says these in words.`;

  const exportSvg = () => {
    if (!svg.current) return;
    setExportProblem(undefined);
    const markup = causalMapSvgMarkup(svg.current, legend);
    downloadBlob(new Blob([markup], { type: 'image/svg+xml' }), `${fileName}.svg`);
  };
  const exportPng = async () => {
    if (!svg.current) return;
    setExportProblem(undefined);
    try {
      const png = await svgToPng(causalMapSvgMarkup(svg.current, legend), 2);
      downloadBlob(png, `${fileName}.png`);
    } catch {
      setExportProblem([{ message: 'The PNG could not be made in this browser. Download the SVG instead.' }]);
    }
  };

  return (
    <>
      <Link className="govuk-back-link" to={episodesHref}>
        Back to key practice episodes
      </Link>
      <Page
        title={['Causal map', r.title]}
        caption={r.title}
        heading="Causal map"
        width="full"
        errors={problem?.items ?? exportProblem}
      >
        <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={r} />
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <p className="govuk-body">{intro}</p>
            <CausalMapFiltersForm
              key={params.toString()}
              filters={filters}
              agencies={choices.current.agencies.map((a) => ({ value: a.id, label: a.name }))}
              groups={choices.current.groups.map((g) => ({ value: g.key, label: g.label }))}
              fieldErrors={problem?.fields}
              clearTo={mapHref}
              onApply={(query) => setParams(query)}
            />
          </div>
        </div>
        {map.isPending ? <Loading /> : null}
        {/* Always there, so that a screen reader hears how much a new filter shows. */}
        <div aria-live="polite">
          {data && episodeCount > 0 ? (
            <p className="govuk-body">
              Showing {mapCounts(data)}
              {narrowed.length ? ` (${narrowed.join(', ')})` : ''}.
            </p>
          ) : null}
        </div>
        {data && layout && episodeCount === 0 ? (
          <EmptyMap filtered={filtered} episodesHref={episodesHref} mapHref={mapHref} />
        ) : null}
        {data && layout && episodeCount > 0 ? (
          <>
            <CausalMapLegend sections={legend} />
            <div className="govuk-inset-text govuk-!-margin-top-2" id="causal-map-keys">
              Move between the boxes with the Tab key. The arrow keys follow the lines from a box; Enter opens
              an episode. Press + or - to zoom. Everything in the map is also listed in words below it.
            </div>
            <CausalMapDiagram
              layout={layout}
              groups={data.groups}
              title={diagramTitle}
              description={`${mapCounts(data)}. Contributory factors are on the left, with lines to the episodes they influenced in the middle${hasFindings ? ', which have lines to the findings they support on the right' : ''}.`}
              onOpen={(href) => navigate(href)}
              svgRef={svg}
            />
            <div className="govuk-button-group">
              <button type="button" className="govuk-button govuk-button--secondary" onClick={exportSvg}>
                Download SVG
              </button>
              <button type="button" className="govuk-button govuk-button--secondary" onClick={exportPng}>
                Download PNG
              </button>
            </div>
            <EpisodesInWords map={data} />
          </>
        ) : null}
      </Page>
    </>
  );
}

function EmptyMap({
  filtered,
  episodesHref,
  mapHref,
}: {
  filtered: boolean;
  episodesHref: string;
  mapHref: string;
}) {
  return filtered ? (
    <>
      <h2 className="govuk-heading-m">No episodes match these filters</h2>
      <p className="govuk-body">
        <Link className="govuk-link" to={mapHref}>
          Clear the filters
        </Link>{' '}
        to see the whole map.
      </p>
    </>
  ) : (
    <>
      <h2 className="govuk-heading-m">No episodes yet</h2>
      <p className="govuk-body">
        The map shows the review’s key practice episodes and the contributory factors that influenced them.{' '}
        <Link className="govuk-link" to={episodesHref}>
          Go to the key practice episodes
        </Link>{' '}
        to add the first one.
      </p>
    </>
  );
}

/** "Episode 2: Discharge from hospital", from the map's "2. Discharge from hospital". */
const episodeHeading = (label: string) => `Episode ${label.replace(/^(\d+)\.\s*/, '$1: ')}`;

/** The map in words: each episode with its appraisal, its contributory factors and the findings it supports. */
function EpisodesInWords({ map }: { map: CausalMapDto }) {
  const rows = episodeRows(map);
  const anyFindings = map.nodes.some((n) => n.kind === 'finding');
  return (
    <section aria-labelledby="causal-map-words" className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m" id="causal-map-words">
        Episodes and their contributory factors
      </h2>
      {rows.map(({ episode, factors, findings }) => (
        <div key={episode.id} className="app-causal-map-words__episode">
          <h3 className="govuk-heading-s">
            {episode.href ? (
              <Link className="govuk-link" to={episode.href}>
                {episodeHeading(episode.label)}
              </Link>
            ) : (
              episodeHeading(episode.label)
            )}
          </h3>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Appraisal</dt>
              <dd className="govuk-summary-list__value">{episode.detail.replace(/^Appraisal:\s*/, '')}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Contributory factors</dt>
              <dd className="govuk-summary-list__value">
                {factors.length === 0 ? (
                  'None recorded'
                ) : (
                  <ul className="govuk-list govuk-list--bullet">
                    {factors.map((f) => (
                      <li key={f.node.id}>
                        {f.node.label} <span className="app-causal-map-words__group">({f.groupLabel})</span>
                        {f.description && f.description !== f.node.label ? (
                          <div className="govuk-hint govuk-!-margin-bottom-1 govuk-!-font-size-16">
                            {f.description}
                          </div>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
            {anyFindings ? (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Findings it supports</dt>
                <dd className="govuk-summary-list__value">
                  {findings.length === 0 ? (
                    'None'
                  ) : (
                    <ul className="govuk-list">
                      {findings.map((f) => (
                        <li key={f.id}>
                          {f.href ? (
                            <Link className="govuk-link" to={f.href}>
                              {f.label}
                            </Link>
                          ) : (
                            <strong>{f.label}</strong>
                          )}
                          : {f.detail}
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
            ) : null}
          </dl>
        </div>
      ))}
    </section>
  );
}
