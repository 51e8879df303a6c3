import { type KeyboardEvent, type PointerEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { ChronologyEventDto } from './api.ts';
import { eventDate, formatDate } from './bits.tsx';
import { dayNumber, fitView, isoOf, panView, ticks, type View, zoomView } from './timeline-scale.ts';

type Lane = { id: string; name: string };
type Props = {
  events: ChronologyEventDto[];
  lanes: Lane[];
  selectedId: string | null;
  onSelect: (event: ChronologyEventDto) => void;
};

const labelWidth = 170;
const axisHeight = 30;
const laneHeight = 48;
const excerpt = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);

/** "12 March 2026, Police: Home visit…": what a mark is called, for screen readers and as its tooltip. */
export const markName = (e: ChronologyEventDto) =>
  `${eventDate(e)}, ${e.agencyName}: ${excerpt(e.summary)}${e.disputed ? ' (disputed)' : ''}`;

/**
 * The narrative as a timeline: one swimlane per agency, each event a mark at its date. Zoom and pan
 * with the buttons, by dragging, or by scrolling sideways. Marks are buttons in date order, so the
 * Tab key (or the arrow keys) goes through them in time; choosing one shows its details.
 */
export function Timeline({ events, lanes, selectedId, onSelect }: Props) {
  const sorted = useMemo(
    () =>
      events
        .map((e) => ({ e, day: dayNumber(e.occurredOn) }))
        .sort((a, b) => a.day - b.day || (a.e.occurredTime ?? '').localeCompare(b.e.occurredTime ?? '')),
    [events],
  );
  const [view, setView] = useState<View>(() => fitView(sorted.map((s) => s.day)));
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(960);
  useEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) =>
      setWidth(Math.max(480, entry?.contentRect.width ?? 960)),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const plot = width - labelWidth - 16;
  const span = view.end - view.start;
  const x = (day: number) => labelWidth + ((day - view.start) / span) * plot;
  const laneIndex = new Map(lanes.map((l, i) => [l.id, i]));
  const height = axisHeight + lanes.length * laneHeight + 8;

  // Marks in view, nudged up and down where several fall on the same spot in a lane.
  const marks = (() => {
    const taken = new Map<string, number>();
    return sorted
      .filter((s) => s.day >= view.start && s.day <= view.end && laneIndex.has(s.e.agencyId))
      .map((s) => {
        const lane = laneIndex.get(s.e.agencyId) ?? 0;
        const cx = x(s.day);
        const spot = `${lane}:${Math.round(cx / 10)}`;
        const n = taken.get(spot) ?? 0;
        taken.set(spot, n + 1);
        const offset = [0, -12, 12, -6, 6][n % 5] ?? 0;
        return { ...s, cx, cy: axisHeight + lane * laneHeight + laneHeight / 2 + offset };
      });
  })();

  // Sideways scrolling pans; with Ctrl (or a pinch) it zooms.
  useEffect(() => {
    const element = svg.current;
    if (!element) return;
    const wheel = (event: WheelEvent) => {
      if (event.ctrlKey) {
        event.preventDefault();
        setView((v) => zoomView(v, event.deltaY > 0 ? 1.25 : 0.8));
      } else if (Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        event.preventDefault();
        setView((v) => panView(v, (event.deltaX / plot) * (v.end - v.start)));
      }
    };
    element.addEventListener('wheel', wheel, { passive: false });
    return () => element.removeEventListener('wheel', wheel);
  }, [plot]);

  const drag = useRef<{ x: number; view: View } | null>(null);
  const pointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if ((event.target as Element).closest('[role="button"]')) return;
    drag.current = { x: event.clientX, view };
    event.currentTarget.setPointerCapture?.(event.pointerId);
  };
  const pointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const start = drag.current;
    if (!start) return;
    const days = ((start.x - event.clientX) / plot) * (start.view.end - start.view.start);
    setView(panView(start.view, days));
  };
  const markKey = (event: KeyboardEvent<SVGGElement>, s: (typeof marks)[number], i: number) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(s.e);
    } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      const all = svg.current?.querySelectorAll<SVGGElement>('[role="button"]');
      all?.[event.key === 'ArrowRight' ? i + 1 : i - 1]?.focus();
    }
  };

  return (
    <div ref={box} className="app-timeline">
      <div className="govuk-button-group app-timeline__controls">
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => setView((v) => zoomView(v, 0.5))}
        >
          Zoom in
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => setView((v) => zoomView(v, 2))}
        >
          Zoom out
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => setView((v) => panView(v, -span / 4))}
        >
          Earlier
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => setView((v) => panView(v, span / 4))}
        >
          Later
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => setView(fitView(sorted.map((s) => s.day)))}
        >
          Show all
        </button>
      </div>
      <p className="govuk-body-s app-timeline__key" aria-hidden="true">
        <span className="app-timeline__key-dot" /> An event <span className="app-timeline__key-diamond" /> A
        disputed event
      </p>
      <p className="govuk-body-s" aria-live="polite">
        Showing {marks.length} of {sorted.length} events, from {formatDate(isoOf(view.start))} to{' '}
        {formatDate(isoOf(view.end))}
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a fieldset */}
      <svg
        ref={svg}
        role="group"
        aria-label="Timeline of events by agency"
        width={width}
        height={height}
        className="app-timeline__svg"
        onPointerDown={pointerDown}
        onPointerMove={pointerMove}
        onPointerUp={() => {
          drag.current = null;
        }}
      >
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: lanes and axis are decoration, never focusable */}
        <g aria-hidden="true">
          {lanes.map((lane, i) => (
            <g key={lane.id}>
              <rect
                x={0}
                y={axisHeight + i * laneHeight}
                width={width}
                height={laneHeight}
                className={i % 2 ? 'app-timeline__lane' : 'app-timeline__lane app-timeline__lane--alt'}
              />
              <text
                x={8}
                y={axisHeight + i * laneHeight + laneHeight / 2 + 5}
                className="app-timeline__label"
              >
                {lane.name.length > 22 ? `${lane.name.slice(0, 21)}…` : lane.name}
              </text>
            </g>
          ))}
          {ticks(view).map((t) => (
            <g key={t.day}>
              <line
                x1={x(t.day)}
                x2={x(t.day)}
                y1={axisHeight - 6}
                y2={height}
                className="app-timeline__grid"
              />
              <text x={x(t.day) + 3} y={axisHeight - 10} className="app-timeline__tick">
                {t.label}
              </text>
            </g>
          ))}
        </g>
        {marks.map((s, i) => {
          const selected = s.e.id === selectedId;
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG mark cannot be an HTML button
            <g
              key={s.e.id}
              role="button"
              tabIndex={0}
              aria-label={markName(s.e)}
              aria-pressed={selected}
              className={`app-timeline__mark${selected ? ' app-timeline__mark--selected' : ''}`}
              onClick={() => onSelect(s.e)}
              onKeyDown={(event) => markKey(event, s, i)}
            >
              <title>{markName(s.e)}</title>
              <circle cx={s.cx} cy={s.cy} r={11} className="app-timeline__ring" />
              {s.e.disputed ? (
                <rect
                  x={s.cx - 6}
                  y={s.cy - 6}
                  width={12}
                  height={12}
                  transform={`rotate(45 ${s.cx} ${s.cy})`}
                  className="app-timeline__dot app-timeline__dot--disputed"
                />
              ) : (
                <circle cx={s.cx} cy={s.cy} r={6} className="app-timeline__dot" />
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
