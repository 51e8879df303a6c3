import { ink } from './causal-map-colours.ts';
import type { LegendSection } from './causal-map-legend.tsx';

const svgNs = 'http://www.w3.org/2000/svg';
const legendItemWidth = 250;
const legendRow = 22;

/** Attributes that only matter on the page: focus, events, the page's style sheet. */
const pageOnly = /^(tabindex|class|role|aria-.*|data-.*|style)$/;

/**
 * The map as a stand-alone SVG file: the drawing at its natural size, with the key drawn beneath
 * it. All colours, lines and fonts are already attributes of the drawing, so the file needs no
 * style sheet; the focus rings, page-only attributes and links (which would lead nowhere outside
 * the service) are taken out. The title and description stay, so the file is still accessible.
 */
export function causalMapSvgMarkup(svg: SVGSVGElement, legend: LegendSection[] = []): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const width = Number(svg.getAttribute('data-width') ?? svg.getAttribute('width') ?? 0);
  const height = Number(svg.getAttribute('data-height') ?? svg.getAttribute('height') ?? 0);

  for (const ring of [...clone.querySelectorAll('.app-causal-map__focus')]) ring.remove();
  // A link becomes a plain group: its href is an address inside the service.
  for (const link of [...clone.querySelectorAll('a')]) {
    const group = document.createElementNS(svgNs, 'g');
    for (const child of [...link.childNodes]) group.appendChild(child);
    link.replaceWith(group);
  }
  for (const element of [...clone.querySelectorAll('*')]) {
    for (const name of element.getAttributeNames()) if (pageOnly.test(name)) element.removeAttribute(name);
  }
  for (const name of clone.getAttributeNames()) if (pageOnly.test(name)) clone.removeAttribute(name);

  const { group: key, width: keyWidth, height: keyHeight } = drawLegend(legend, width);
  const total = { width: Math.max(width, keyWidth), height: height + keyHeight };
  if (key) {
    key.setAttribute('transform', `translate(0 ${height})`);
    clone.appendChild(key);
    const background = clone.querySelector('rect');
    background?.setAttribute('width', String(total.width));
    background?.setAttribute('height', String(total.height));
  }
  // The serialiser declares the SVG namespace itself; an xmlns attribute as well would repeat it.
  clone.removeAttribute('xmlns');
  clone.setAttribute('width', String(total.width));
  clone.setAttribute('height', String(total.height));
  clone.setAttribute('viewBox', `0 0 ${total.width} ${total.height}`);
  clone.setAttribute('role', 'img');
  const title = clone.querySelector('title');
  const desc = clone.querySelector('desc');
  if (title?.id) clone.setAttribute('aria-labelledby', desc?.id ? `${title.id} ${desc.id}` : title.id);

  const text = new XMLSerializer().serializeToString(clone);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${text}`;
}

/** The size the exported drawing will be (the map and its key). */
export function exportedSize(markup: string): { width: number; height: number } {
  const root = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
  return { width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')) };
}

function drawLegend(sections: LegendSection[], mapWidth: number) {
  if (sections.length === 0) return { group: null, width: 0, height: 0 };
  const perRow = Math.max(1, Math.floor((Math.max(mapWidth, legendItemWidth) - 32) / legendItemWidth));
  const group = document.createElementNS(svgNs, 'g');
  const add = (parent: Element, tag: string, attributes: Record<string, string | number>, text?: string) => {
    const element = document.createElementNS(svgNs, tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
    if (text !== undefined) element.textContent = text;
    parent.appendChild(element);
    return element;
  };
  let y = 24;
  add(group, 'text', { x: 16, y, 'font-size': 16, 'font-weight': 700, fill: ink }, 'Key');
  y += 10;
  for (const section of sections) {
    y += 22;
    add(group, 'text', { x: 16, y, 'font-size': 14, 'font-weight': 700, fill: ink }, section.heading);
    y += 8;
    section.items.forEach((item, i) => {
      const x = 16 + (i % perRow) * legendItemWidth;
      const top = y + Math.floor(i / perRow) * legendRow;
      const { swatch } = item;
      if (item.shape === 'influenced' || item.shape === 'supports') {
        add(group, 'line', {
          x1: x,
          y1: top + 9,
          x2: x + 26,
          y2: top + 9,
          stroke: swatch.stroke,
          'stroke-width': 2,
          ...(item.shape === 'supports' ? { 'stroke-dasharray': '5 3' } : {}),
        });
      } else {
        add(group, 'rect', {
          x,
          y: top + 2,
          width: 26,
          height: 14,
          rx: item.shape === 'episode' ? 5 : item.shape === 'factor' ? 2 : 0,
          fill: swatch.fill,
          stroke: swatch.stroke,
          'stroke-width': item.shape === 'finding' ? 3 : 2,
          ...(swatch.dashed ? { 'stroke-dasharray': '4 2' } : {}),
        });
        if (item.shape === 'factor')
          add(group, 'rect', { x, y: top + 2, width: 6, height: 14, fill: swatch.stroke });
      }
      add(group, 'text', { x: x + 34, y: top + 14, 'font-size': 13, fill: ink }, item.label);
    });
    y += Math.ceil(section.items.length / perRow) * legendRow;
  }
  return { group, width: 32 + Math.min(perRow, 3) * legendItemWidth, height: y + 16 };
}

/**
 * Draws the SVG into a canvas at `scale` times its size and gives back a PNG. The drawing goes in
 * as a data: address, which the service's content security policy allows for images.
 */
export function svgToPng(markup: string, scale = 2): Promise<Blob> {
  const { width, height } = exportedSize(markup);
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(width * scale);
      canvas.height = Math.ceil(height * scale);
      const context = canvas.getContext('2d');
      if (!context) {
        reject(new Error('This browser cannot draw the picture'));
        return;
      }
      context.scale(scale, scale);
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      context.drawImage(image, 0, 0, width, height);
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('This browser cannot make a PNG'))),
        'image/png',
      );
    };
    image.onerror = () => reject(new Error('The picture could not be drawn'));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  });
}

/** Saves a file the browser has made, under a name. */
export function downloadBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "causal-map-child-a": a file name from the review's title. */
export function exportFileName(reviewTitle: string): string {
  const slug = reviewTitle
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug ? `causal-map-${slug}` : 'causal-map';
}
