import { formatLongDate } from '#domain/publication/rules.ts';
import type { Block, ReportDocument, Section } from '#domain/report/document.ts';

/*
 * What the DOCX, PDF and HTML renderings of a report share: text every format can hold, the version
 * line of the title page, how a paragraph's text breaks into paragraphs and lines, heading levels,
 * the contents and the ids of sections.
 */

const NONCHARACTER = /[\ufffe\uffff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text as every format can hold it: tabs as spaces, line and paragraph separators as line breaks,
 * no other control characters (XML cannot hold them; a PDF font has no glyph for them).
 */
/** How a document is laid out: a report has a title page and contents; a short document (a briefing, a response) flows from its first page. */
export type RenderOptions = { short?: boolean };

export const printable = (text: string): string =>
  text
    .replace(/\p{Cc}/gu, (c) => (c === '\n' || c === '\r' ? c : c === '\t' ? ' ' : ''))
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(NONCHARACTER, '')
    .replace(LONE_SURROGATE, '\ufffd');

function printableBlock(block: Block): Block {
  switch (block.kind) {
    case 'paragraph':
    case 'heading':
      return { ...block, text: printable(block.text) };
    case 'list':
      return { ...block, items: block.items.map(printable) };
    case 'table':
      return {
        ...block,
        caption: printable(block.caption),
        columns: block.columns.map(printable),
        rows: block.rows.map((row) => row.map(printable)),
      };
  }
}

const printableSection = (section: Section): Section => ({
  ...section,
  title: printable(section.title),
  blocks: section.blocks.map(printableBlock),
  sections: section.sections.map(printableSection),
});

/** The document with every text made printable, as each renderer first takes it. */
export const printableDocument = (doc: ReportDocument): ReportDocument => ({
  ...doc,
  title: printable(doc.title),
  subtitle: printable(doc.subtitle),
  partnershipName: printable(doc.partnershipName),
  sections: doc.sections.map(printableSection),
});

/**
 * The line under the title: "Version 3, generated on 3 March 2024" for a report, and "Generated on
 * 3 March 2024" for a short document, which has no versions.
 */
export function versionLine(doc: ReportDocument, options: RenderOptions = {}): string {
  const generated = formatLongDate(doc.generatedOn);
  return options.short
    ? `Generated on ${generated}`
    : `Version ${doc.versionNumber}, generated on ${generated}`;
}

/** A paragraph's text as paragraphs (split at blank lines), each as its lines; blank text gives none. */
export function paragraphsOf(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    )
    .filter((lines) => lines.length > 0);
}

/** The heading level of a section at a depth (1 for a top-level section); deeper sections share level 3. */
export const sectionLevel = (depth: number): 1 | 2 | 3 => (depth <= 1 ? 1 : depth === 2 ? 2 : 3);

/** The level of a minor heading inside a section: one below the section's heading, at most 4. */
export const minorHeadingLevel = (depth: number): 2 | 3 | 4 => (sectionLevel(depth) + 1) as 2 | 3 | 4;

export type ContentsEntry = { section: Section; depth: number };

/** The sections listed in the contents, in reading order: top-level sections and their subsections. */
export function contentsEntries(doc: ReportDocument, maxDepth = 2): ContentsEntry[] {
  const entries: ContentsEntry[] = [];
  const walk = (sections: readonly Section[], depth: number) => {
    for (const section of sections) {
      entries.push({ section, depth });
      if (depth < maxDepth) walk(section.sections, depth + 1);
    }
  };
  walk(doc.sections, 1);
  return entries;
}

/** A section id as a safe HTML id or PDF destination name: "findings.finding-2" → "findings-finding-2". */
export function anchorOf(sectionId: string): string {
  const safe = sectionId
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `section-${safe || 'untitled'}`;
}
