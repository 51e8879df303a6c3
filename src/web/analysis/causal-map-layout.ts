import dagre from '@dagrejs/dagre';
import type { CausalMapDto } from './api.ts';

export type MapNode = CausalMapDto['nodes'][number];
export type MapEdge = CausalMapDto['edges'][number];
export type NodeKind = MapNode['kind'];

/** A node with its place on the map (x and y are its top-left corner) and its text broken into lines. */
export type PositionedNode = MapNode & {
  x: number;
  y: number;
  width: number;
  height: number;
  /** The main text, wrapped; the last line ends in "…" where the text was cut. */
  lines: string[];
  truncated: boolean;
  /** A short line in bold: the grade of an episode, the group of a factor, "Finding 2" for a finding. */
  note: string;
  /** The whole text, for the node's tooltip. */
  fullText: string;
  /** What a screen reader says for the node: its text and what it is connected to. */
  name: string;
};

export type PositionedEdge = MapEdge & { id: string; path: string };

export type CausalMapLayout = {
  width: number;
  height: number;
  nodes: PositionedNode[];
  edges: PositionedEdge[];
  /** The heading over each column that has nodes, centred on it. */
  columns: { kind: NodeKind; label: string; x: number }[];
};

export const kindLabels: Record<NodeKind, string> = {
  factor: 'Contributory factors',
  episode: 'Key practice episodes',
  finding: 'Findings',
};

const kindOrder: NodeKind[] = ['factor', 'episode', 'finding'];
const sizes: Record<NodeKind, { width: number; chars: number; maxLines: number }> = {
  factor: { width: 200, chars: 22, maxLines: 3 },
  episode: { width: 224, chars: 26, maxLines: 3 },
  finding: { width: 224, chars: 26, maxLines: 4 },
};
export const lineHeight = 18;
export const padding = 10;
export const headerHeight = 36;
const margin = 16;

/**
 * Breaks text into lines of at most `chars` characters at spaces (a longer word is cut), and at
 * most `maxLines` lines; where text is left over, the last line ends in "…".
 */
export function wrapLabel(
  text: string,
  chars: number,
  maxLines: number,
): { lines: string[]; truncated: boolean } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let word of words) {
    while (word.length > chars) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(word.slice(0, chars));
      word = word.slice(chars);
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= chars) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? '';
  kept[maxLines - 1] = `${last.length >= chars ? last.slice(0, chars - 1).trimEnd() : last}…`;
  return { lines: kept, truncated: true };
}

/** "Conditions of work", the label of a factor group, or its key if the review's list lacks it. */
export const groupLabelOf = (group: string | null, groups: CausalMapDto['groups']) =>
  groups.find((g) => g.key === group)?.label ?? group ?? '';

/** A factor's description, without the "Group: " its detail starts with. */
export function factorDescription(node: MapNode, groups: CausalMapDto['groups']): string {
  const prefix = `${groupLabelOf(node.group, groups)}: `;
  return node.detail.startsWith(prefix) ? node.detail.slice(prefix.length) : node.detail;
}

/** Who connects to whom: the nodes each node's edges come from and go to. */
export function connections(edges: readonly MapEdge[]) {
  const into = new Map<string, string[]>();
  const out = new Map<string, string[]>();
  for (const e of edges) {
    out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
    into.set(e.to, [...(into.get(e.to) ?? []), e.from]);
  }
  return { into: (id: string) => into.get(id) ?? [], out: (id: string) => out.get(id) ?? [] };
}

/** The node and every node one edge away from it: what lights up when it has focus or the pointer. */
export function neighbourhood(edges: readonly MapEdge[], id: string | null): Set<string> {
  const near = new Set<string>();
  if (!id) return near;
  near.add(id);
  for (const e of edges) {
    if (e.from === id) near.add(e.to);
    if (e.to === id) near.add(e.from);
  }
  return near;
}

function describeNode(node: MapNode, map: Pick<CausalMapDto, 'nodes' | 'edges' | 'groups'>): string {
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const linked = connections(map.edges);
  const labels = (ids: string[]) =>
    ids
      .map((id) => byId.get(id)?.label)
      .filter(Boolean)
      .join('; ');
  const parts: string[] = [];
  if (node.kind === 'episode') {
    parts.push(`Key practice episode ${node.label}`, node.detail);
    const factors = linked.into(node.id);
    parts.push(
      factors.length
        ? `Influenced by ${factors.length === 1 ? '1 factor' : `${factors.length} factors`}: ${labels(factors)}`
        : 'No contributory factors recorded',
    );
    const findings = linked.out(node.id);
    if (findings.length) parts.push(`Supports ${labels(findings)}`);
  } else if (node.kind === 'factor') {
    parts.push(
      `Contributory factor: ${node.label} (${groupLabelOf(node.group, map.groups)})`,
      `Influenced ${labels(linked.out(node.id))}`,
    );
  } else {
    parts.push(`${node.label}: ${node.detail}`, `Supported by ${labels(linked.into(node.id))}`);
  }
  return parts.map((p) => p.replace(/[.\s]+$/, '')).join('. ');
}

/**
 * Lays the map out left to right: contributory factors, then the episodes they influenced, then
 * the findings the episodes support. Dagre orders each column to keep lines from crossing. Edges
 * to nodes that are not in the map are left out.
 */
export function layoutCausalMap(map: Pick<CausalMapDto, 'nodes' | 'edges' | 'groups'>): CausalMapLayout {
  const known = new Set(map.nodes.map((n) => n.id));
  const edges = map.edges.filter((e) => known.has(e.from) && known.has(e.to) && e.from !== e.to);
  const prepared = map.nodes.map((node) => {
    const size = sizes[node.kind];
    const text = node.kind === 'finding' ? node.detail : node.label;
    const { lines, truncated } = wrapLabel(text, size.chars, size.maxLines);
    const note =
      node.kind === 'episode'
        ? node.detail
        : node.kind === 'factor'
          ? groupLabelOf(node.group, map.groups)
          : node.label;
    const fullText =
      node.kind === 'episode'
        ? `${node.label}\n${node.detail}`
        : node.kind === 'factor'
          ? `${node.label}\n${node.detail}`
          : `${node.label}: ${node.detail}`;
    const height = padding * 2 + (lines.length + 1) * lineHeight;
    return {
      ...node,
      lines,
      truncated,
      note,
      fullText,
      name: describeNode(node, { ...map, edges }),
      width: size.width,
      height,
    };
  });

  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 20, ranksep: 110, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of prepared) g.setNode(n.id, { width: n.width, height: n.height });
  // Every factor hangs from one hidden root, and an episode with no factors from a hidden pad, so
  // that each kind keeps to its own column however the graph falls apart into pieces.
  const root = '\u0000root';
  g.setNode(root, { width: 1, height: 1 });
  const hasFactor = new Set(edges.filter((e) => e.kind === 'influenced').map((e) => e.to));
  for (const n of prepared) {
    if (n.kind === 'factor') g.setEdge(root, n.id, { weight: 0 });
    if (n.kind === 'episode' && !hasFactor.has(n.id)) {
      const pad = `\u0000pad:${n.id}`;
      g.setNode(pad, { width: 1, height: 1 });
      g.setEdge(root, pad, { weight: 0 });
      g.setEdge(pad, n.id);
    }
    if (n.kind === 'finding' && !edges.some((e) => e.to === n.id)) {
      // A finding no episode supports still goes in the findings column.
      const pads = [`\u0000pad1:${n.id}`, `\u0000pad2:${n.id}`];
      for (const p of pads) g.setNode(p, { width: 1, height: 1 });
      g.setEdge(root, pads[0] as string, { weight: 0 });
      g.setEdge(pads[0] as string, pads[1] as string);
      g.setEdge(pads[1] as string, n.id);
    }
  }
  for (const e of edges) g.setEdge(e.from, e.to);
  // Episodes keep the review's order down the page; dagre orders the factors and findings around them.
  const episodeIds = prepared.filter((n) => n.kind === 'episode').map((n) => n.id);
  const constraints = episodeIds.slice(1).map((id, i) => ({ left: episodeIds[i] as string, right: id }));
  dagre.layout(g, { constraints });

  const placed = prepared.map((n) => {
    const at = g.node(n.id);
    return { ...n, x: (at.x ?? 0) - n.width / 2, y: (at.y ?? 0) - n.height / 2 };
  });
  const minX = Math.min(...placed.map((n) => n.x));
  const minY = Math.min(...placed.map((n) => n.y));
  const nodes = placed
    .map((n) => ({ ...n, x: n.x - minX + margin, y: n.y - minY + margin + headerHeight }))
    .sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || a.y - b.y);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const positionedEdges = edges.map((e) => {
    const from = byId.get(e.from) as PositionedNode;
    const to = byId.get(e.to) as PositionedNode;
    const x1 = from.x + from.width;
    const y1 = from.y + from.height / 2;
    const x2 = to.x;
    const y2 = to.y + to.height / 2;
    const bend = Math.max(24, (x2 - x1) / 2);
    const r = (v: number) => Math.round(v * 10) / 10;
    return {
      ...e,
      id: `${e.from}->${e.to}`,
      path: `M${r(x1)},${r(y1)} C${r(x1 + bend)},${r(y1)} ${r(x2 - bend)},${r(y2)} ${r(x2)},${r(y2)}`,
    };
  });
  const columns = kindOrder
    .map((kind) => {
      const inColumn = nodes.filter((n) => n.kind === kind);
      const first = inColumn[0];
      return first ? { kind, label: kindLabels[kind], x: first.x + first.width / 2 } : null;
    })
    .filter((c) => c !== null);
  const width = nodes.length ? Math.max(...nodes.map((n) => n.x + n.width)) + margin : 2 * margin;
  const height = nodes.length ? Math.max(...nodes.map((n) => n.y + n.height)) + margin : 2 * margin;
  return { width: Math.ceil(width), height: Math.ceil(height), nodes, edges: positionedEdges, columns };
}

/**
 * Where the arrow keys go from a node: right and left follow its lines to the connected node
 * nearest in height; up and down move through its column. Nothing where there is nowhere to go.
 */
export function stepFrom(layout: CausalMapLayout, id: string, key: string): string | null {
  const node = layout.nodes.find((n) => n.id === id);
  if (!node) return null;
  const centre = (n: PositionedNode) => n.y + n.height / 2;
  const nearest = (ids: string[]) =>
    layout.nodes
      .filter((n) => ids.includes(n.id))
      .sort((a, b) => Math.abs(centre(a) - centre(node)) - Math.abs(centre(b) - centre(node)))[0]?.id ?? null;
  const linked = connections(layout.edges);
  if (key === 'ArrowRight') return nearest(linked.out(id));
  if (key === 'ArrowLeft') return nearest(linked.into(id));
  if (key === 'ArrowDown' || key === 'ArrowUp') {
    const column = layout.nodes.filter((n) => n.kind === node.kind).sort((a, b) => a.y - b.y);
    const at = column.findIndex((n) => n.id === id);
    return column[key === 'ArrowDown' ? at + 1 : at - 1]?.id ?? null;
  }
  return null;
}

/** One row of the text alternative: an episode, the factors that influenced it, the findings it supports. */
export type EpisodeRow = {
  episode: MapNode;
  factors: { node: MapNode; groupLabel: string; description: string }[];
  findings: MapNode[];
};

/** The map as rows, one per episode in the order the review gives them, for the table under the diagram. */
export function episodeRows(map: Pick<CausalMapDto, 'nodes' | 'edges' | 'groups'>): EpisodeRow[] {
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const linked = connections(map.edges);
  const nodesOf = (ids: string[]) => ids.map((id) => byId.get(id)).filter((n) => n !== undefined);
  return map.nodes
    .filter((n) => n.kind === 'episode')
    .map((episode) => ({
      episode,
      factors: nodesOf(linked.into(episode.id))
        .filter((n) => n.kind === 'factor')
        .map((node) => ({
          node,
          groupLabel: groupLabelOf(node.group, map.groups),
          description:
            map.edges.find((e) => e.from === node.id && e.to === episode.id)?.detail ??
            factorDescription(node, map.groups),
        })),
      findings: nodesOf(linked.out(episode.id)).filter((n) => n.kind === 'finding'),
    }));
}
