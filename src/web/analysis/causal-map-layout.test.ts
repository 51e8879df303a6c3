import { describe, expect, it } from 'vitest';
import { causalMapBody } from './causal-map-fixtures.ts';
import {
  episodeRows,
  layoutCausalMap,
  neighbourhood,
  type PositionedNode,
  stepFrom,
  wrapLabel,
} from './causal-map-layout.ts';
import { legendOf } from './causal-map-legend.tsx';

const overlaps = (a: PositionedNode, b: PositionedNode) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('causal map layout', () => {
  const map = causalMapBody();
  const layout = layoutCausalMap(map);
  const at = (id: string) => layout.nodes.find((n) => n.id === id) as PositionedNode;

  it('gives every node a place inside the drawing, with no two boxes overlapping', () => {
    expect(layout.nodes.map((n) => n.id).sort()).toEqual(map.nodes.map((n) => n.id).sort());
    for (const n of layout.nodes) {
      expect(Number.isFinite(n.x) && Number.isFinite(n.y)).toBe(true);
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
    }
    for (const a of layout.nodes)
      for (const b of layout.nodes) if (a !== b) expect(overlaps(a, b)).toBe(false);
  });

  it('puts factors, then episodes, then findings from left to right, even an episode with no factors', () => {
    const right = (kind: string) =>
      Math.max(...layout.nodes.filter((n) => n.kind === kind).map((n) => n.x + n.width));
    const left = (kind: string) => Math.min(...layout.nodes.filter((n) => n.kind === kind).map((n) => n.x));
    expect(right('factor')).toBeLessThan(left('episode'));
    expect(right('episode')).toBeLessThan(left('finding'));
    expect(at('episode:e3').x).toBe(at('episode:e1').x);
    expect(layout.columns.map((c) => c.label)).toEqual([
      'Contributory factors',
      'Key practice episodes',
      'Findings',
    ]);
  });

  it('keeps the episodes in the review’s order down the page, whatever would cross fewer lines', () => {
    const top = (id: string) => at(id).y;
    expect(top('episode:e1')).toBeLessThan(top('episode:e2'));
    expect(top('episode:e2')).toBeLessThan(top('episode:e3'));
    const reversed = layoutCausalMap({ ...map, nodes: [...map.nodes].reverse() });
    const episodes = reversed.nodes.filter((n) => n.kind === 'episode').map((n) => n.id);
    expect(episodes).toEqual(['episode:e3', 'episode:e2', 'episode:e1']);
  });

  it('draws each edge from the right side of its source to the left side of its target', () => {
    expect(layout.edges).toHaveLength(map.edges.length);
    for (const e of layout.edges) {
      const from = at(e.from);
      const to = at(e.to);
      const [start, end] = [e.path.match(/^M([\d.]+),([\d.]+)/), e.path.match(/ ([\d.]+),([\d.]+)$/)];
      expect(Number(start?.[1])).toBeCloseTo(from.x + from.width, 0);
      expect(Number(start?.[2])).toBeCloseTo(from.y + from.height / 2, 0);
      expect(Number(end?.[1])).toBeCloseTo(to.x, 0);
      expect(Number(end?.[2])).toBeCloseTo(to.y + to.height / 2, 0);
    }
    const shared = layout.edges
      .filter((e) => e.from === 'factor:conditions_of_work:workload')
      .map((e) => e.to);
    expect(shared.sort()).toEqual(['episode:e1', 'episode:e2']);
  });

  it('leaves out edges to nodes that are not on the map', () => {
    const odd = layoutCausalMap({
      ...map,
      edges: [...map.edges, { from: 'factor:gone', to: 'episode:e1', kind: 'influenced', detail: null }],
    });
    expect(odd.edges).toHaveLength(map.edges.length);
  });

  it('copes with an empty map and with episodes alone', () => {
    expect(layoutCausalMap({ nodes: [], edges: [], groups: [] }).nodes).toEqual([]);
    const alone = layoutCausalMap({
      ...map,
      nodes: map.nodes.filter((n) => n.kind === 'episode'),
      edges: [],
    });
    expect(new Set(alone.nodes.map((n) => n.x)).size).toBe(1);
  });

  it('names each box with its text and its connections, and notes its grade or group', () => {
    expect(at('episode:e1').name).toBe(
      'Key practice episode 1. Home visit after the referral from the school about bruising. Appraisal: Good. Influenced by 2 factors: Workload; Supervision. Supports Finding 1',
    );
    expect(at('episode:e3').name).toContain('No contributory factors recorded');
    expect(at('factor:conditions_of_work:workload').name).toBe(
      'Contributory factor: Workload (Conditions of work). Influenced 1. Home visit after the referral from the school about bruising; 2. Strategy discussion',
    );
    expect(at('factor:own_team:supervision').note).toBe('Own team');
    expect(at('episode:e1').note).toBe('Appraisal: Good');
    expect(at('finding:f1').note).toBe('Finding 1');
    expect(at('finding:f1').fullText).toBe('Finding 1: Heavy caseloads make it harder to see the child');
  });

  it('wraps a long episode title over lines, cutting it with "…" and keeping the whole text for the tooltip', () => {
    const long = layoutCausalMap({
      ...map,
      nodes: map.nodes.map((n) =>
        n.id === 'episode:e1'
          ? { ...n, label: `1. ${'A very long title about a home visit '.repeat(4)}` }
          : n,
      ),
    }).nodes.find((n) => n.id === 'episode:e1') as PositionedNode;
    expect(long.lines).toHaveLength(3);
    expect(long.truncated).toBe(true);
    expect(long.lines[2]?.endsWith('…')).toBe(true);
    expect(long.fullText).toContain(
      'A very long title about a home visit A very long title about a home visit A very',
    );
    expect(at('episode:e1').height).toBeGreaterThan(at('episode:e2').height);
  });
});

describe('wrapLabel', () => {
  it('breaks at spaces, cuts a word longer than a line, and marks cut text', () => {
    expect(wrapLabel('Home visit by the health visitor', 12, 3)).toEqual({
      lines: ['Home visit', 'by the', 'health…'],
      truncated: true,
    });
    expect(wrapLabel('Supervision', 20, 2)).toEqual({ lines: ['Supervision'], truncated: false });
    expect(wrapLabel('Pneumonoultramicroscopic', 10, 3).lines).toEqual(['Pneumonoul', 'tramicrosc', 'opic']);
    expect(wrapLabel('abcdefghij klmnopqrst uvwxyz', 10, 2).lines).toEqual(['abcdefghij', 'klmnopqrs…']);
  });
});

describe('moving around the map', () => {
  const layout = layoutCausalMap(causalMapBody());

  it('follows the lines with left and right, and moves through a column with up and down', () => {
    expect(['episode:e1', 'episode:e2']).toContain(
      stepFrom(layout, 'factor:conditions_of_work:workload', 'ArrowRight'),
    );
    expect(stepFrom(layout, 'episode:e1', 'ArrowRight')).toBe('finding:f1');
    expect(['factor:conditions_of_work:workload', 'factor:own_team:supervision']).toContain(
      stepFrom(layout, 'episode:e1', 'ArrowLeft'),
    );
    expect(stepFrom(layout, 'episode:e3', 'ArrowLeft')).toBeNull();
    expect(stepFrom(layout, 'finding:f1', 'ArrowRight')).toBeNull();
    const episodes = layout.nodes.filter((n) => n.kind === 'episode').map((n) => n.id);
    expect(stepFrom(layout, episodes[0] as string, 'ArrowDown')).toBe(episodes[1]);
    expect(stepFrom(layout, episodes[0] as string, 'ArrowUp')).toBeNull();
  });

  it('lights up a node with the nodes one line away', () => {
    expect([...neighbourhood(layout.edges, 'episode:e1')].sort()).toEqual([
      'episode:e1',
      'factor:conditions_of_work:workload',
      'factor:own_team:supervision',
      'finding:f1',
    ]);
    expect(neighbourhood(layout.edges, null).size).toBe(0);
  });
});

describe('the map in words and its key', () => {
  it('lists each episode with its factors (group and description) and the findings it supports', () => {
    const rows = episodeRows(causalMapBody());
    expect(rows.map((r) => r.episode.id)).toEqual(['episode:e1', 'episode:e2', 'episode:e3']);
    // Each factor in the episode's own words where the edge carries them, else the factor's.
    expect(rows[0]?.factors.map((f) => [f.node.label, f.groupLabel, f.description])).toEqual([
      ['Workload', 'Conditions of work', 'The social worker held 30 cases that month'],
      ['Supervision', 'Own team', 'Supervision was cancelled twice'],
    ]);
    expect(rows[0]?.findings.map((f) => f.label)).toEqual(['Finding 1']);
    expect(rows[2]?.factors).toEqual([]);
  });

  it('keys only the grades, groups and lines the map uses, groups in the framework’s order', () => {
    const legend = legendOf(causalMapBody());
    expect(legend.map((s) => [s.heading, s.items.map((i) => i.label)])).toEqual([
      ['Episodes, by appraisal', ['Good', 'Problematic', 'Not yet appraised']],
      ['Contributory factors, by group', ['Family', 'Conditions of work', 'Own team']],
      ['Lines and findings', ['Factor influenced the episode', 'Episode supports the finding', 'Finding']],
    ]);
    const colours = legend[1]?.items.map((i) => i.swatch.stroke);
    expect(new Set(colours).size).toBe(3);
  });
});
