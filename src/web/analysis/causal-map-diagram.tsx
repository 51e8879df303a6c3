import { type KeyboardEvent, type MouseEvent, type Ref, useId, useMemo, useRef, useState } from 'react';
import type { CausalMapDto } from './api.ts';
import {
  edgeColour,
  faintEdgeColour,
  findingSwatch,
  gradeSwatch,
  groupSwatch,
  ink,
  type Swatch,
  secondaryInk,
} from './causal-map-colours.ts';
import {
  type CausalMapLayout,
  headerHeight,
  lineHeight,
  neighbourhood,
  type PositionedNode,
  padding,
  stepFrom,
} from './causal-map-layout.ts';

export const fontFamily = '"GDS Transport", arial, sans-serif';
export const zoomSteps = [0.5, 0.625, 0.75, 0.875, 1, 1.25, 1.5, 1.75, 2] as const;
const actualSize = zoomSteps.indexOf(1);

type Props = {
  layout: CausalMapLayout;
  groups: CausalMapDto['groups'];
  title: string;
  description: string;
  /** Opens a node's page (an episode's workbench), within the app. */
  onOpen: (href: string) => void;
  svgRef?: Ref<SVGSVGElement>;
};

export const swatchOf = (node: PositionedNode, groups: CausalMapDto['groups']): Swatch =>
  node.kind === 'episode'
    ? gradeSwatch(node.appraisal)
    : node.kind === 'factor'
      ? groupSwatch(node.group, groups)
      : findingSwatch;

/**
 * The causal map as an SVG drawing: factors on the left, the episodes they influenced in the
 * middle, the findings those support on the right. Each box is focusable and named for screen
 * readers; the pointer or focus on a box picks out its lines and the boxes at their other ends.
 * Arrow keys follow the lines; Enter opens an episode. Zoom with the buttons or the + and - keys.
 */
export function CausalMapDiagram({ layout, groups, title, description, onOpen, svgRef }: Props) {
  const [zoom, setZoom] = useState(actualSize);
  const [hovered, setHovered] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const active = hovered ?? focused;
  const near = useMemo(() => neighbourhood(layout.edges, active), [layout.edges, active]);
  const nodeRefs = useRef(new Map<string, HTMLElement | SVGElement>());
  const ids = useId().replace(/[^a-zA-Z0-9]/g, '');
  const marker = (state: 'normal' | 'active' | 'faint') => `causal-map-${ids}-arrow-${state}`;
  const scale = zoomSteps[zoom] ?? 1;

  const zoomBy = (step: number) => setZoom((z) => Math.min(zoomSteps.length - 1, Math.max(0, z + step)));

  const keyOnDiagram = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === '+' || event.key === '=') zoomBy(1);
    else if (event.key === '-' || event.key === '_') zoomBy(-1);
    else if (event.key === '0') setZoom(actualSize);
    else return;
    event.preventDefault();
  };

  const keyOnNode = (event: KeyboardEvent<Element>, node: PositionedNode) => {
    if (event.key === 'Enter' && node.href) {
      event.preventDefault();
      onOpen(node.href);
      return;
    }
    const next = stepFrom(layout, node.id, event.key);
    if (next) {
      event.preventDefault();
      nodeRefs.current.get(next)?.focus();
    } else if (event.key.startsWith('Arrow')) event.preventDefault();
  };

  const clickLink = (event: MouseEvent<Element>, href: string) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onOpen(href);
  };

  const edgeState = (from: string, to: string) =>
    !active ? 'normal' : from === active || to === active ? 'active' : 'faint';

  return (
    <div className="app-causal-map">
      <div className="govuk-button-group app-causal-map__zoom">
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => zoomBy(1)}>
          Zoom in
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => zoomBy(-1)}>
          Zoom out
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => setZoom(actualSize)}
        >
          Reset zoom
        </button>
        <p className="govuk-body-s app-causal-map__zoom-level" aria-live="polite">
          Zoom: {Math.round(scale * 100)}%
        </p>
      </div>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: + and - zoom while a box inside has focus */}
      <div className="app-causal-map__viewport" onKeyDown={keyOnDiagram}>
        {/* biome-ignore lint/a11y/useSemanticElements: an SVG drawing cannot be a fieldset */}
        <svg
          ref={svgRef}
          role="group"
          aria-labelledby={`causal-map-${ids}-title`}
          aria-describedby={`causal-map-${ids}-desc`}
          width={Math.round(layout.width * scale)}
          height={Math.round(layout.height * scale)}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          data-width={layout.width}
          data-height={layout.height}
          fontFamily={fontFamily}
          className="app-causal-map__svg"
        >
          <title id={`causal-map-${ids}-title`}>{title}</title>
          <desc id={`causal-map-${ids}-desc`}>{description}</desc>
          <defs>
            {(['normal', 'active', 'faint'] as const).map((state) => (
              <marker
                key={state}
                id={marker(state)}
                viewBox="0 0 10 10"
                refX={10}
                refY={5}
                markerUnits="userSpaceOnUse"
                markerWidth={10}
                markerHeight={10}
                orient="auto-start-reverse"
              >
                <path
                  d="M0,0 L10,5 L0,10 z"
                  fill={state === 'active' ? ink : state === 'faint' ? faintEdgeColour : edgeColour}
                />
              </marker>
            ))}
          </defs>
          <rect x={0} y={0} width={layout.width} height={layout.height} fill="#ffffff" />
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: headings and lines are drawing only; nothing in them takes focus */}
          <g aria-hidden="true">
            {layout.columns.map((c) => (
              <text
                key={c.kind}
                x={c.x}
                y={headerHeight - 6}
                textAnchor="middle"
                fontSize={16}
                fontWeight={700}
                fill={ink}
              >
                {c.label}
              </text>
            ))}
            {layout.edges.map((e) => {
              const state = edgeState(e.from, e.to);
              return (
                <path
                  key={e.id}
                  d={e.path}
                  fill="none"
                  stroke={state === 'active' ? ink : state === 'faint' ? faintEdgeColour : edgeColour}
                  strokeWidth={state === 'active' ? 3 : 1.5}
                  strokeDasharray={e.kind === 'supports' ? '6 4' : undefined}
                  markerEnd={`url(#${marker(state)})`}
                  data-edge={e.id}
                />
              );
            })}
          </g>
          {layout.nodes.map((node) => {
            const emphasis = !active
              ? 'normal'
              : node.id === active
                ? 'active'
                : near.has(node.id)
                  ? 'near'
                  : 'faint';
            const setRef = (element: HTMLElement | SVGElement | null) => {
              if (element) nodeRefs.current.set(node.id, element);
              else nodeRefs.current.delete(node.id);
            };
            const common = {
              'aria-label': node.name,
              className: 'app-causal-map__node',
              'data-node': node.id,
              'data-emphasis': emphasis,
              onMouseEnter: () => setHovered(node.id),
              onMouseLeave: () => setHovered(null),
              onFocus: () => setFocused(node.id),
              onBlur: () => setFocused((f) => (f === node.id ? null : f)),
              onKeyDown: (event: KeyboardEvent<Element>) => keyOnNode(event, node),
            };
            const body = (
              <NodeShape key="shape" node={node} swatch={swatchOf(node, groups)} emphasis={emphasis} />
            );
            return node.href ? (
              <a
                key={node.id}
                ref={setRef}
                href={node.href}
                onClick={(e) => clickLink(e, node.href as string)}
                {...common}
              >
                {body}
              </a>
            ) : (
              // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: a box is a picture that takes focus, so keyboard users can trace its lines
              <g key={node.id} ref={setRef} role="img" tabIndex={0} {...common}>
                {body}
              </g>
            );
          })}
        </svg>
      </div>
    </div>
  );
}

type Emphasis = 'normal' | 'active' | 'near' | 'faint';

/** One box: its outline, the colour band of a factor's group, its wrapped text and bold note. */
function NodeShape({ node, swatch, emphasis }: { node: PositionedNode; swatch: Swatch; emphasis: Emphasis }) {
  const { x, y, width, height } = node;
  const radius = node.kind === 'episode' ? 12 : node.kind === 'factor' ? 4 : 0;
  const band = node.kind === 'factor' ? 8 : 0;
  const textX = x + padding + band + 2;
  const baseStroke = node.kind === 'finding' ? 3 : 2;
  const strokeWidth = emphasis === 'active' || emphasis === 'near' ? baseStroke + 2 : baseStroke;
  const noteFirst = node.kind === 'finding';
  const firstBaseline = y + padding + 14;
  const lines = node.lines.map((line, i) => ({
    line,
    y: firstBaseline + (i + (noteFirst ? 1 : 0)) * lineHeight,
  }));
  const noteY = noteFirst ? firstBaseline : firstBaseline + node.lines.length * lineHeight;
  return (
    <>
      <title>{node.fullText}</title>
      {/* The GOV.UK focus style: a yellow halo with a black line inside it, shown by the page's CSS. */}
      <g className="app-causal-map__focus" visibility="hidden">
        <rect
          x={x - 6}
          y={y - 6}
          width={width + 12}
          height={height + 12}
          rx={radius + 5}
          fill="none"
          stroke="#ffdd00"
          strokeWidth={6}
        />
        <rect
          x={x - 2.5}
          y={y - 2.5}
          width={width + 5}
          height={height + 5}
          rx={radius + 2}
          fill="none"
          stroke={ink}
          strokeWidth={3}
        />
      </g>
      <rect
        x={x}
        y={y}
        width={width}
        height={height}
        rx={radius}
        fill={swatch.fill}
        stroke={emphasis === 'active' ? ink : swatch.stroke}
        strokeWidth={strokeWidth}
        strokeDasharray={swatch.dashed ? '6 4' : undefined}
        opacity={emphasis === 'faint' ? 0.6 : 1}
      />
      {band ? <rect x={x} y={y} width={band} height={height} rx={radius} fill={swatch.stroke} /> : null}
      <text fontSize={14} fill={ink}>
        {lines.map((l) => (
          <tspan key={l.y} x={textX} y={l.y}>
            {l.line}
          </tspan>
        ))}
      </text>
      <text
        x={textX}
        y={noteY}
        fontSize={13}
        fontWeight={700}
        fill={node.kind === 'finding' ? ink : secondaryInk}
      >
        {clip(node.note, node.kind === 'factor' ? 26 : 30)}
      </text>
    </>
  );
}

const clip = (text: string, chars: number) => (text.length > chars ? `${text.slice(0, chars - 1)}…` : text);
