import { compileRegister, pseudonymiseWith } from '../pseudonym/pseudonymise.ts';
import type { RegisterEntry } from '../pseudonym/register.ts';
import { type HitKind, scanIdentifiersWith } from '../pseudonym/scan.ts';
import type { Block, ReportDocument, Section } from './document.ts';

/*
 * The report and the pseudonym register: every string a reader sees (the title page, section
 * titles, paragraphs, minor headings, list items, table captions, columns and cells) is
 * pseudonymised and scanned one by one, in reading order, so a scan's context never runs from one
 * table cell into the next.
 */

/** Where the title and subtitle are, for the scan and for names that could not be mapped to one person. */
export const titlePage = { id: 'title', title: 'Title page' } as const;

/** Where a string of the report is: the section it belongs to. */
export type ReportPlace = { sectionId: string; sectionTitle: string };

/** A hit of the identifier scan in a version of the report; the same shape as the hits stored with a version. */
export type ReportScanHit = {
  /** `kind:sectionId:match:occurrence`, the same each time the same document is scanned with the same register. */
  key: string;
  kind: HitKind;
  match: string;
  context: string;
  sectionId: string;
  sectionTitle: string;
};

/** A name the register could not put down to one person, replaced with a neutral form naming the candidates. */
export type AmbiguousReportName = { text: string; candidates: string[]; sectionTitle: string };

type MapString = (text: string, place: ReportPlace) => string;

function mapBlock(block: Block, place: ReportPlace, f: MapString): Block {
  switch (block.kind) {
    case 'paragraph':
    case 'heading':
      return { ...block, text: f(block.text, place) };
    case 'list':
      return { ...block, items: block.items.map((item) => f(item, place)) };
    case 'table':
      return {
        ...block,
        caption: f(block.caption, place),
        columns: block.columns.map((c) => f(c, place)),
        rows: block.rows.map((row) => row.map((cell) => f(cell, place))),
      };
  }
}

function mapSection(section: Section, f: MapString): Section {
  const title = f(section.title, { sectionId: section.id, sectionTitle: section.title });
  const place = { sectionId: section.id, sectionTitle: title };
  return {
    ...section,
    title,
    blocks: section.blocks.map((b) => mapBlock(b, place, f)),
    sections: section.sections.map((s) => mapSection(s, f)),
  };
}

/**
 * A copy of the document with every string a reader sees passed through `f`, in reading order; the
 * place given with a section's strings carries the section's new title.
 */
export function mapDocumentStrings(doc: ReportDocument, f: MapString): ReportDocument {
  const cover = { sectionId: titlePage.id, sectionTitle: titlePage.title };
  return {
    ...doc,
    title: f(doc.title, cover),
    subtitle: f(doc.subtitle, cover),
    sections: doc.sections.map((s) => mapSection(s, f)),
  };
}

/** Every string a reader sees, in reading order, with the section it is in. */
export function documentStrings(doc: ReportDocument): (ReportPlace & { text: string })[] {
  const out: (ReportPlace & { text: string })[] = [];
  mapDocumentStrings(doc, (text, place) => {
    out.push({ text, ...place });
    return text;
  });
  return out;
}

/**
 * Applies the pseudonym register to every string a reader sees, compiling the register once, and
 * lists the names it could not put down to one person with the section they are in.
 */
export function pseudonymiseDocument(
  doc: ReportDocument,
  register: readonly RegisterEntry[],
): { document: ReportDocument; ambiguous: AmbiguousReportName[] } {
  const compiled = compileRegister(register);
  const found: { text: string; candidates: string[]; sectionId: string }[] = [];
  const document = mapDocumentStrings(doc, (text, place) => {
    const result = pseudonymiseWith(text, compiled);
    for (const a of result.ambiguous) {
      const candidates = [...new Set(a.entryIndexes.map((e) => register[e]!.replacement))];
      found.push({ text: a.match, candidates, sectionId: place.sectionId });
    }
    return result.text;
  });
  // Named by the section's pseudonymised title (a title is pseudonymised before its own strings are).
  const titles = new Map<string, string>([
    [titlePage.id, titlePage.title],
    ...flatten(document.sections).map((s): [string, string] => [s.id, s.title]),
  ]);
  const ambiguous = found.map(({ sectionId, ...a }) => ({
    ...a,
    sectionTitle: titles.get(sectionId) ?? sectionId,
  }));
  return { document, ambiguous };
}

function flatten(sections: readonly Section[]): Section[] {
  return sections.flatMap((s) => [s, ...flatten(s.sections)]);
}

/** Every section of the document, depth-first (a section before its subsections). */
export const allSections = (doc: ReportDocument): Section[] => flatten(doc.sections);

function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
    case 'heading':
      return block.text;
    case 'list':
      return block.items.join('\n');
    case 'table':
      return [block.caption, block.columns.join(' | '), ...block.rows.map((row) => row.join(' | '))]
        .filter((line) => line.length > 0)
        .join('\n');
  }
}

/** Each section, depth-first, with its title and its own blocks as plain text (not its subsections). */
export function sectionTexts(
  doc: ReportDocument,
): { sectionId: string; sectionTitle: string; text: string }[] {
  return flatten(doc.sections).map((s) => ({
    sectionId: s.id,
    sectionTitle: s.title,
    text: s.blocks.map(blockText).join('\n\n'),
  }));
}

/** The whole report as plain text, in reading order. */
export function documentText(doc: ReportDocument): string {
  return [
    doc.title,
    doc.subtitle,
    ...sectionTexts(doc).map((s) => (s.text ? `${s.sectionTitle}\n\n${s.text}` : s.sectionTitle)),
  ].join('\n\n');
}

const normaliseMatch = (match: string) => match.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLowerCase();

/**
 * The residual-identifier scan of a report: each string scanned on its own, with the register compiled
 * once; each hit keyed by its kind, section, text and which occurrence of those it is in reading order.
 */
export function scanDocument(
  doc: ReportDocument,
  register: readonly RegisterEntry[],
  options: { publicNames?: readonly string[] } = {},
): ReportScanHit[] {
  const compiled = compileRegister(register);
  const isPublic = publicNameMatcher(options.publicNames ?? []);
  const seen = new Map<string, number>();
  const hits: ReportScanHit[] = [];
  for (const { text, sectionId, sectionTitle } of documentStrings(doc)) {
    for (const hit of scanIdentifiersWith(text, compiled)) {
      if (hit.kind === 'name_like' && (isPublic(hit.match) || sectionId === FIXED_TEXT_SECTION)) continue;
      const base = `${hit.kind}:${sectionId}:${normaliseMatch(hit.match)}`;
      const occurrence = (seen.get(base) ?? 0) + 1;
      seen.set(base, occurrence);
      hits.push({
        key: `${base}:${occurrence}`,
        kind: hit.kind,
        match: hit.match,
        context: hit.context,
        sectionId,
        sectionTitle,
      });
    }
  }
  return hits;
}

/** The glossary is Sightlines' own fixed text: a word in it that looks like a name ("Panel", near "Patel") is not one. */
const FIXED_TEXT_SECTION = 'appendices.glossary';

const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'professor', 'sir', 'dame', 'rev']);
const wordsOf = (s: string) => s.toLocaleLowerCase('en-GB').match(/\p{L}+/gu) ?? [];

/**
 * Whether a name-like hit is only a name that is meant to be published (the lead reviewers are
 * named in a report): every word of the hit, titles aside, is a word of one such name.
 */
function publicNameMatcher(publicNames: readonly string[]) {
  const names = publicNames.map((n) => new Set(wordsOf(n).filter((w) => !TITLES.has(w))));
  return (match: string) => {
    const words = wordsOf(match).filter((w) => !TITLES.has(w));
    return words.length > 0 && names.some((name) => words.every((w) => name.has(w)));
  };
}
