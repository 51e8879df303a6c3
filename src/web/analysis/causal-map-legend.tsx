import type { CausalMapDto } from './api.ts';
import { edgeColour, findingSwatch, gradeSwatch, groupSwatch, type Swatch } from './causal-map-colours.ts';
import { groupLabelOf } from './causal-map-layout.ts';

export type LegendItem = {
  label: string;
  swatch: Swatch;
  shape: 'episode' | 'factor' | 'finding' | 'influenced' | 'supports';
};
export type LegendSection = { heading: string; items: LegendItem[] };

/** "Good" from "Appraisal: Good"; an unappraised episode's detail is already its label. */
const gradeLabel = (detail: string) => detail.replace(/^Appraisal:\s*/, '');

/** What the colours and lines on this map mean: only the grades, groups and kinds of line it uses. */
export function legendOf(map: Pick<CausalMapDto, 'nodes' | 'edges' | 'groups'>): LegendSection[] {
  const grades = new Map<string, LegendItem>();
  const groups = new Map<string, LegendItem>();
  for (const n of map.nodes) {
    if (n.kind === 'episode' && !grades.has(n.appraisal ?? '')) {
      grades.set(n.appraisal ?? '', {
        label: gradeLabel(n.detail),
        swatch: gradeSwatch(n.appraisal),
        shape: 'episode',
      });
    }
    if (n.kind === 'factor' && !groups.has(n.group ?? '')) {
      groups.set(n.group ?? '', {
        label: groupLabelOf(n.group, map.groups),
        swatch: groupSwatch(n.group, map.groups),
        shape: 'factor',
      });
    }
  }
  const order = (key: string) => {
    const at = map.groups.findIndex((g) => g.key === key);
    return at < 0 ? map.groups.length : at;
  };
  const sections: LegendSection[] = [];
  if (grades.size) sections.push({ heading: 'Episodes, by appraisal', items: [...grades.values()] });
  if (groups.size) {
    const items = [...groups.entries()].sort(([a], [b]) => order(a) - order(b)).map(([, item]) => item);
    sections.push({ heading: 'Contributory factors, by group', items });
  }
  const lines: LegendItem[] = [];
  if (map.edges.some((e) => e.kind === 'influenced'))
    lines.push({
      label: 'Factor influenced the episode',
      swatch: { stroke: edgeColour, fill: 'none' },
      shape: 'influenced',
    });
  if (map.nodes.some((n) => n.kind === 'finding')) {
    lines.push({
      label: 'Episode supports the finding',
      swatch: { stroke: edgeColour, fill: 'none' },
      shape: 'supports',
    });
    lines.push({ label: 'Finding', swatch: findingSwatch, shape: 'finding' });
  }
  if (lines.length) sections.push({ heading: 'Lines and findings', items: lines });
  return sections;
}

/** A small drawing of a legend item: a box like the map's, or a line. */
export function LegendMark({ item }: { item: LegendItem }) {
  const { swatch, shape } = item;
  return (
    <svg
      width={28}
      height={18}
      viewBox="0 0 28 18"
      aria-hidden="true"
      focusable="false"
      className="app-causal-map-legend__mark"
    >
      {shape === 'influenced' || shape === 'supports' ? (
        <line
          x1={1}
          y1={9}
          x2={27}
          y2={9}
          stroke={swatch.stroke}
          strokeWidth={2}
          strokeDasharray={shape === 'supports' ? '5 3' : undefined}
        />
      ) : (
        <>
          <rect
            x={1.5}
            y={1.5}
            width={25}
            height={15}
            rx={shape === 'episode' ? 5 : shape === 'factor' ? 2 : 0}
            fill={swatch.fill}
            stroke={swatch.stroke}
            strokeWidth={shape === 'finding' ? 3 : 2}
            strokeDasharray={swatch.dashed ? '4 2' : undefined}
          />
          {shape === 'factor' ? <rect x={1.5} y={1.5} width={6} height={15} fill={swatch.stroke} /> : null}
        </>
      )}
    </svg>
  );
}

/** The key to the map's colours and lines, in words beside each mark. */
export function CausalMapLegend({ sections }: { sections: LegendSection[] }) {
  return (
    <div className="app-causal-map-legend">
      <h2 className="govuk-heading-s">Key</h2>
      <div className="app-causal-map-legend__sections">
        {sections.map((section) => (
          <div key={section.heading} className="app-causal-map-legend__section">
            <h3 className="govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1">
              {section.heading}
            </h3>
            <ul className="govuk-list govuk-body-s app-causal-map-legend__list">
              {section.items.map((item) => (
                <li key={`${item.shape}:${item.label}`} className="app-causal-map-legend__item">
                  <LegendMark item={item} />
                  {item.label}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </div>
  );
}
