import type { ReactElement } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { UNCODED } from '#domain/analytics/rules.ts';
import { factorName, typologySeries } from './analytics-summaries.ts';
import type { AnalyticsDto } from './api.ts';

/**
 * Colours from the GOV.UK palette, each at least 4.4:1 against white, in an order that keeps
 * neighbours in a stacked bar distinct; a white edge between segments separates them too.
 */
export const chartColours = [
  '#1d70b8', // blue
  '#b7592a', // orange, shade
  '#0f7a52', // green
  '#54319f', // purple
  '#ca357c', // magenta
  '#158187', // teal
  '#99704a', // brown
  '#0f385c', // dark blue
];
const uncodedColour = '#484949';
const textColour = '#0b0c0c';
const gridColour = '#cecece';
const completedColour = '#0f7a52';
const overdueColour = '#ca3535';
const openColour = '#1d70b8';
const withinColour = '#1d70b8';
const overColour = '#b7592a';

const axisTick = { fill: textColour, fontSize: 14 };
const edge = { stroke: '#ffffff', strokeWidth: 1 };

/** A legend's words in the text colour, whatever the colour of their swatch. */
const legendText = (value: string) => <span style={{ color: textColour }}>{value}</span>;

/** A chart as wide as its column, phone or desktop; before the page is measured it starts at a desktop width. */
function Sized({ height, children }: { height: number; children: ReactElement }) {
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 720, height }}>
      {children}
    </ResponsiveContainer>
  );
}

/** Findings each year, stacked by typology category. */
export function TypologyChart({ dto }: { dto: AnalyticsDto }) {
  const series = typologySeries(dto);
  const data = dto.typology.years.map((y) => ({
    year: String(y.year),
    ...Object.fromEntries(series.map((c) => [c.code, y.counts[c.code] ?? 0])),
  }));
  return (
    <Sized height={360}>
      <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid stroke={gridColour} vertical={false} />
        <XAxis dataKey="year" tick={axisTick} />
        <YAxis allowDecimals={false} tick={axisTick} width={40} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 14 }} formatter={legendText} />
        {series.map((c, i) => (
          <Bar
            key={c.code}
            dataKey={c.code}
            name={c.name}
            stackId="findings"
            fill={c.code === UNCODED ? uncodedColour : chartColours[i % chartColours.length]}
            {...edge}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </Sized>
  );
}

/** The most frequent contributory factors, longest bar first. */
export function FactorsChart({ dto }: { dto: AnalyticsDto }) {
  const data = dto.factors.map((f) => ({ name: factorName(f), count: f.count }));
  return (
    <Sized height={Math.max(160, 48 * data.length + 40)}>
      <BarChart
        data={data}
        layout="vertical"
        accessibilityLayer={false}
        margin={{ top: 8, right: 16, bottom: 8 }}
      >
        <CartesianGrid stroke={gridColour} horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={axisTick} />
        <YAxis type="category" dataKey="name" width={170} tick={{ ...axisTick, fontSize: 13 }} interval={0} />
        <Tooltip />
        <Bar dataKey="count" name="Times found" fill={chartColours[0]} isAnimationActive={false} />
      </BarChart>
    </Sized>
  );
}

/** Days from initiation to publication for each review, against the six-month target. */
export function TimelinessChart({ dto }: { dto: AnalyticsDto }) {
  const { reviews, targetDays } = dto.timeliness;
  const data = reviews.map((r) => ({ id: r.reviewId, title: r.title, days: r.days, within: r.withinTarget }));
  return (
    <Sized height={360}>
      <BarChart data={data} accessibilityLayer={false} margin={{ top: 24, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid stroke={gridColour} vertical={false} />
        <XAxis dataKey="title" tick={axisTick} interval={reviews.length > 12 ? 'preserveStartEnd' : 0} />
        <YAxis allowDecimals={false} tick={axisTick} width={48} />
        <Tooltip />
        <Legend content={() => <TimelinessLegend targetDays={targetDays} />} />
        <Bar dataKey="days" name="Days" isAnimationActive={false}>
          {data.map((r) => (
            <Cell key={r.id} fill={r.within ? withinColour : overColour} />
          ))}
        </Bar>
        <ReferenceLine
          y={targetDays}
          stroke={textColour}
          strokeDasharray="6 4"
          strokeWidth={2}
          label={{ value: 'Six-month target', position: 'insideTopRight', fill: textColour, fontSize: 14 }}
        />
      </BarChart>
    </Sized>
  );
}

/** The timeliness chart's key: the bar colours say whether a review is within the target. */
function TimelinessLegend({ targetDays }: { targetDays: number }) {
  return (
    <ul className="app-chart-legend">
      <li>
        <span className="app-chart-legend__swatch" style={{ background: withinColour }} />
        Within six months
      </li>
      <li>
        <span className="app-chart-legend__swatch" style={{ background: overColour }} />
        Over six months
      </li>
      <li>
        <span className="app-chart-legend__line" />
        Six-month target ({targetDays} days)
      </li>
    </ul>
  );
}

/** Actions by the quarter they were due: completed, overdue and open, stacked. */
export function ActionsChart({ dto }: { dto: AnalyticsDto }) {
  const series = [
    { key: 'completed', name: 'Completed', colour: completedColour },
    { key: 'overdue', name: 'Overdue', colour: overdueColour },
    { key: 'open', name: 'Open', colour: openColour },
  ];
  return (
    <Sized height={360}>
      <BarChart
        data={dto.actions.byQuarter}
        accessibilityLayer={false}
        margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
      >
        <CartesianGrid stroke={gridColour} vertical={false} />
        <XAxis dataKey="quarter" tick={axisTick} />
        <YAxis allowDecimals={false} tick={axisTick} width={40} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 14 }} formatter={legendText} />
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.name}
            stackId="actions"
            fill={s.colour}
            {...edge}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </Sized>
  );
}
