import { fillPlaceholders, type PlaceholderValues } from './placeholders.ts';

/** A piece of a letter: a heading, a paragraph (its lines kept), or a bulleted list. */
export type LetterBlock =
  | { type: 'heading'; level: 1 | 2; text: string }
  | { type: 'paragraph'; lines: string[] }
  | { type: 'list'; items: string[] };

const bullet = /^[-*•]\s+/;

/**
 * Reads a plain-text template into blocks: paragraphs are separated by blank lines; a paragraph
 * starting "# " is the letter's heading and "## " a section heading; a paragraph whose every line
 * starts "- " is a bulleted list; other line breaks are kept inside the paragraph (addresses,
 * sign-offs).
 */
export function templateBlocks(body: string): LetterBlock[] {
  const paragraphs = body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length > 0),
    )
    .filter((lines) => lines.length > 0);
  return paragraphs.map((lines): LetterBlock => {
    const first = lines[0] ?? '';
    const heading = /^(#{1,2})\s+(.*)$/.exec(first);
    if (heading) {
      const text = [heading[2] ?? '', ...lines.slice(1)].join(' ').trim();
      return { type: 'heading', level: heading[1] === '#' ? 1 : 2, text };
    }
    if (lines.every((line) => bullet.test(line))) {
      return { type: 'list', items: lines.map((line) => line.replace(bullet, '')) };
    }
    return { type: 'paragraph', lines };
  });
}

/**
 * The letter's blocks with the placeholders filled. Structure is read from the template before
 * filling, so a value (a name, a title) can never turn into a heading or a new paragraph.
 */
export function letterBlocks(body: string, values: PlaceholderValues): LetterBlock[] {
  const fill = (text: string) => fillPlaceholders(text, values).replace(/\s*\n\s*/g, ' ');
  return templateBlocks(body).map((block): LetterBlock => {
    if (block.type === 'heading') return { ...block, text: fill(block.text) };
    if (block.type === 'list') return { type: 'list', items: block.items.map(fill) };
    return { type: 'paragraph', lines: block.lines.map(fill) };
  });
}

/** The letter's main heading, for the document's title; the first heading, or the fallback. */
export function letterTitle(blocks: readonly LetterBlock[], fallback: string): string {
  const heading = blocks.find((b) => b.type === 'heading');
  return heading?.type === 'heading' ? heading.text : fallback;
}
