import type { Block, ReportDocument, Section } from '#domain/report/document.ts';
import {
  anchorOf,
  contentsEntries,
  minorHeadingLevel,
  paragraphsOf,
  printableDocument,
  sectionLevel,
  versionLine,
} from './common.ts';

/*
 * The report as one standalone HTML page: no scripts and nothing loaded from elsewhere, so it can
 * be published or archived as it is. Headings h1 to h4 follow the sections, as in the DOCX and PDF.
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
const lines = (ls: readonly string[]) => ls.map(escapeHtml).join('<br>\n');

const STYLE = `
body { font-family: Arial, Helvetica, sans-serif; font-size: 1.1875rem; line-height: 1.5; color: #0b0c0c;
  max-width: 46rem; margin: 0 auto; padding: 1.5rem; }
h1, h2, h3, h4 { line-height: 1.25; margin: 1.5em 0 0.5em; }
h1 { font-size: 2rem; } h2 { font-size: 1.5rem; } h3 { font-size: 1.25rem; } h4 { font-size: 1.1875rem; }
a { color: #1d70b8; } a:focus { outline: 3px solid #fd0; background: #fd0; color: #0b0c0c; }
.title-page { margin: 3rem 0; } .report-title { font-size: 3rem; font-weight: bold; margin: 0; }
.subtitle { font-size: 1.5rem; color: #505a5f; margin-top: 0.5rem; } .version { color: #505a5f; }
nav ol { list-style: none; padding-left: 1.25rem; } nav > ol { padding-left: 0; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0 1.5rem; font-size: 1rem; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.5rem; }
th, td { border: 1px solid #b1b4b6; padding: 0.4rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f3f2f1; }
@media print {
  body { font-size: 11pt; max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  nav, main > section { break-before: page; }
  h1, h2, h3, h4, caption { break-after: avoid; }
  thead { display: table-header-group; } tr { break-inside: avoid; }
}`;

/** Unique, safe ids for the sections, from their ids. */
function anchorsOf(doc: ReportDocument): Map<Section, string> {
  const anchors = new Map<Section, string>();
  const used = new Set<string>();
  const walk = (sections: readonly Section[]) => {
    for (const section of sections) {
      const base = anchorOf(section.id);
      let anchor = base;
      for (let n = 2; used.has(anchor); n++) anchor = `${base}-${n}`;
      used.add(anchor);
      anchors.set(section, anchor);
      walk(section.sections);
    }
  };
  walk(doc.sections);
  return anchors;
}

function blockOf(block: Block, depth: number): string {
  switch (block.kind) {
    case 'paragraph':
      return paragraphsOf(block.text)
        .map((ls) => `<p>${lines(ls)}</p>`)
        .join('\n');
    case 'heading': {
      const h = `h${minorHeadingLevel(depth)}`;
      return `<${h}>${escapeHtml(block.text)}</${h}>`;
    }
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const items = block.items.map((item) => `<li>${lines(paragraphsOf(item).flat())}</li>`);
      return `<${tag}>\n${items.join('\n')}\n</${tag}>`;
    }
    case 'table': {
      if (block.columns.length === 0) return blockOf({ kind: 'paragraph', text: block.caption }, depth);
      const head = block.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
      const rows = block.rows.map(
        (row) =>
          `<tr>${block.columns.map((_, i) => `<td>${lines(paragraphsOf(row[i] ?? '').flat())}</td>`).join('')}</tr>`,
      );
      return [
        '<table>',
        `<caption>${escapeHtml(block.caption)}</caption>`,
        `<thead><tr>${head}</tr></thead>`,
        `<tbody>\n${rows.join('\n')}\n</tbody>`,
        '</table>',
      ].join('\n');
    }
  }
}

function sectionOf(section: Section, depth: number, anchors: Map<Section, string>): string {
  const h = `h${sectionLevel(depth)}`;
  return [
    `<section id="${anchors.get(section)}">`,
    `<${h}>${escapeHtml(section.title)}</${h}>`,
    ...section.blocks.map((b) => blockOf(b, depth)),
    ...section.sections.map((s) => sectionOf(s, depth + 1, anchors)),
    '</section>',
  ].join('\n');
}

/** The contents as nested lists of links to the sections. */
function contentsOf(doc: ReportDocument, anchors: Map<Section, string>): string {
  let html = '';
  let open = 0;
  for (const { section, depth } of contentsEntries(doc)) {
    if (depth > open) html += '<ol>\n'.repeat(depth - open);
    else html += '</li>\n'.concat('</ol>\n</li>\n'.repeat(open - depth));
    open = depth;
    html += `<li><a href="#${anchors.get(section)}">${escapeHtml(section.title)}</a>`;
  }
  html += '</li>\n</ol>\n'.repeat(open);
  return html;
}

/**
 * The report as a standalone HTML5 page in British English: its title page, the contents linked to
 * the sections, headings by depth, and tables with captions and column headers; every text escaped.
 */
export function renderReportHtml(input: ReportDocument): string {
  const doc = printableDocument(input);
  const anchors = anchorsOf(doc);
  const title = `${doc.title}: ${doc.subtitle}`;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<meta name="author" content="${escapeHtml(doc.partnershipName)}">
<meta name="description" content="${escapeHtml(`${doc.subtitle}. ${versionLine(doc)}.`)}">
<style>${STYLE}
</style>
</head>
<body>
<header class="title-page">
<p class="report-title">${escapeHtml(doc.title)}</p>
<p class="subtitle">${escapeHtml(doc.subtitle)}</p>
<p>${escapeHtml(doc.partnershipName)}</p>
<p class="version">${escapeHtml(versionLine(doc))}</p>
</header>
<nav aria-labelledby="contents">
<h1 id="contents">Contents</h1>
${contentsOf(doc, anchors)}</nav>
<main>
${doc.sections.map((s) => sectionOf(s, 1, anchors)).join('\n')}
</main>
</body>
</html>
`;
}
