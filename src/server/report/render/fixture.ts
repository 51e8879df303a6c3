import { pseudonymiseDocument } from '#domain/report/anonymise.ts';
import { buildReportDocument } from '#domain/report/build.ts';
import type { ReportDocument, Section } from '#domain/report/document.ts';
import {
  reportFactsFixture,
  reportNarrativeFixture,
  reportRegisterFixture,
} from '#domain/report/fixtures.ts';
import type { ReportFacts } from '#domain/report/report.ts';

/*
 * Report documents for the rendering tests: the “Child A” review built and pseudonymised as a
 * version is, one larger review, and a section of awkward content to add to either.
 */

/** The fixture review's report, pseudonymised. */
export function fixtureReportDocument(facts: ReportFacts = reportFactsFixture): ReportDocument {
  const built = buildReportDocument(facts, reportNarrativeFixture);
  return pseudonymiseDocument(built, reportRegisterFixture).document;
}

/** The fixture review grown to `episodes` key practice episodes and `findings` findings. */
export function largeReportFacts(episodes: number, findings: number): ReportFacts {
  const base = reportFactsFixture;
  return {
    ...base,
    episodes: Array.from({ length: episodes }, (_, i) => ({
      ...base.episodes[i % base.episodes.length]!,
      number: i + 1,
      title: `Episode ${i + 1}: ${base.episodes[i % base.episodes.length]!.title}`,
    })),
    findings: Array.from({ length: findings }, (_, i) => ({
      ...base.findings[i % base.findings.length]!,
      number: i + 1,
      episodeNumbers: [1 + (i % episodes)],
    })),
  };
}

/** The document with one more top-level section at the end. */
export const withSection = (doc: ReportDocument, section: Section): ReportDocument => ({
  ...doc,
  sections: [...doc.sections, section],
});

/** A section whose table runs over several pages and has a cell longer than a page. */
export function longTableSection(rows = 120): Section {
  const longCell = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
  return {
    id: 'appendices.long-table',
    title: 'A long table',
    origin: 'generated',
    blocks: [
      {
        kind: 'table',
        caption: 'Every event',
        columns: ['Number', 'Date', 'What happened'],
        rows: [
          ...Array.from({ length: rows }, (_, i) => [
            String(i + 1),
            '3 March 2024',
            `Event number ${i + 1} happened.`,
          ]),
          ['last', '4 March 2024', longCell],
        ],
      },
    ],
    sections: [],
  };
}

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * The strings not found in `text` one after another, each after the one before; whitespace is
 * ignored, as renderers wrap lines and split paragraphs.
 */
export function missingInOrder(text: string, strings: readonly string[]): string[] {
  const haystack = squash(text);
  const missing: string[] = [];
  let from = 0;
  for (const s of strings) {
    const at = haystack.indexOf(squash(s), from);
    if (at < 0) missing.push(s);
    else from = at + squash(s).length;
  }
  return missing;
}
