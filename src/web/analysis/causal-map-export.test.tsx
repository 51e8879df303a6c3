import { render } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { CausalMapDiagram } from './causal-map-diagram.tsx';
import { causalMapSvgMarkup, downloadBlob, exportedSize, exportFileName } from './causal-map-export.ts';
import { causalMapBody } from './causal-map-fixtures.ts';
import { layoutCausalMap } from './causal-map-layout.ts';
import { legendOf } from './causal-map-legend.tsx';

function drawn() {
  const map = causalMapBody();
  const layout = layoutCausalMap(map);
  const ref = createRef<SVGSVGElement>();
  render(
    <CausalMapDiagram
      layout={layout}
      groups={map.groups}
      title="Causal map of Child A"
      description="3 key practice episodes"
      onOpen={() => {}}
      svgRef={ref}
    />,
  );
  return { map, layout, svg: ref.current as SVGSVGElement };
}

describe('exporting the causal map', () => {
  it('makes a well-formed stand-alone SVG with every label, the title and the key', () => {
    const { map, layout, svg } = drawn();
    const markup = causalMapSvgMarkup(svg, legendOf(map));
    expect(markup.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('role')).toBe('img');
    expect(root.querySelector('title')?.textContent).toBe('Causal map of Child A');
    const text = root.textContent ?? '';
    for (const node of layout.nodes) for (const line of node.lines) expect(text).toContain(line);
    expect(text).toContain('Workload');
    expect(text).toContain('Appraisal: Problematic');
    // The key is drawn under the map, so the file makes sense on its own.
    expect(text).toContain('Contributory factors, by group');
    expect(text).toContain('Conditions of work');
    expect(exportedSize(markup).height).toBeGreaterThan(layout.height);
    expect(exportedSize(markup).width).toBeGreaterThanOrEqual(layout.width);
  });

  it('keeps the drawing’s colours as attributes and drops what only matters on the page', () => {
    const { svg } = drawn();
    const markup = causalMapSvgMarkup(svg);
    const root = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
    expect(root.querySelectorAll('[tabindex], [class], [data-node], a')).toHaveLength(0);
    expect(root.getAttribute('font-family')).toContain('arial');
    const boxes = [...root.querySelectorAll('rect[stroke]')];
    expect(boxes.some((r) => r.getAttribute('stroke') === '#00703c')).toBe(true);
    expect(root.querySelectorAll('path[marker-end]')).toHaveLength(6);
    for (const m of root.querySelectorAll('path[marker-end]')) {
      const id = m.getAttribute('marker-end')?.match(/url\(#(.+)\)/)?.[1] ?? '';
      expect(root.querySelector(`marker[id="${id}"]`)).not.toBeNull();
    }
    // The page's drawing is untouched.
    expect(svg.querySelectorAll('[tabindex]').length).toBeGreaterThan(0);
  });

  it('names the file after the review and hands the browser a download', () => {
    expect(exportFileName('Child A (2026) – Smith')).toBe('causal-map-child-a-2026-smith');
    expect(exportFileName('…')).toBe('causal-map');
    const created = vi.fn(() => 'blob:map');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() }));
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    downloadBlob(new Blob(['<svg/>'], { type: 'image/svg+xml' }), 'causal-map-child-a.svg');
    expect(created).toHaveBeenCalledOnce();
    const link = clicked.mock.instances[0] as unknown as HTMLAnchorElement;
    expect(link.download).toBe('causal-map-child-a.svg');
  });
});
