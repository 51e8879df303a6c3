import { diffWords } from 'diff';
import { sectionTexts } from './anonymise.ts';
import type { ReportDocument } from './document.ts';
import type { ReportComparisonDto } from './report.ts';

type ComparedSection = ReportComparisonDto['sections'][number];

const fullText = (s: { sectionTitle: string; text: string }) =>
  s.text ? `${s.sectionTitle}\n\n${s.text}` : s.sectionTitle;

/**
 * Compares two versions of the report section by section (matched by id): in the order of the later
 * version, with sections it no longer has where they were, and the word-level changes of each
 * section's title and text.
 */
export function compareDocuments(from: ReportDocument, to: ReportDocument): ComparedSection[] {
  const before = sectionTexts(from);
  const after = sectionTexts(to);
  const beforeById = new Map(before.map((s) => [s.sectionId, s]));
  const afterIds = new Set(after.map((s) => s.sectionId));

  const result: ComparedSection[] = after.map((s) => {
    const old = beforeById.get(s.sectionId);
    const text = fullText(s);
    if (!old) {
      return {
        id: s.sectionId,
        title: s.sectionTitle,
        status: 'added',
        changes: [{ value: text, added: true, removed: false }],
      };
    }
    const oldText = fullText(old);
    if (oldText === text) return { id: s.sectionId, title: s.sectionTitle, status: 'unchanged', changes: [] };
    return {
      id: s.sectionId,
      title: s.sectionTitle,
      status: 'changed',
      changes: diffWords(oldText, text).map((c) => ({
        value: c.value,
        added: c.added === true,
        removed: c.removed === true,
      })),
    };
  });

  // Each removed section goes after the section that came before it in the earlier version.
  let at = 0;
  for (const s of before) {
    if (afterIds.has(s.sectionId)) {
      at = result.findIndex((r) => r.id === s.sectionId) + 1;
      continue;
    }
    result.splice(at, 0, {
      id: s.sectionId,
      title: s.sectionTitle,
      status: 'removed',
      changes: [{ value: fullText(s), added: false, removed: true }],
    });
    at++;
  }
  return result;
}
