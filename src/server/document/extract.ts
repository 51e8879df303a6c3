import { readFile } from 'node:fs/promises';
import type { FastifyBaseLogger } from 'fastify';

/**
 * The most text kept per document. PostgreSQL's tsvector holds at most 1 MB, and a document's
 * search vector is generated from its title and text, so the text stays well below that.
 */
export const MAX_TEXT_CHARS = 500_000;

/** Removes characters PostgreSQL cannot store (NUL) and other invisible control characters, and caps the length. */
export function cleanText(text: string): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ').trim();
  return clean ? clean.slice(0, MAX_TEXT_CHARS) : null;
}

/**
 * The text of a stored file, so it can be searched: PDF with unpdf, Word with mammoth, text, CSV and
 * email as they are. A file that cannot be read gives null; only the kind of error is logged.
 */
export async function extractDocumentText(
  path: string,
  mediaType: string,
  log: Pick<FastifyBaseLogger, 'warn'>,
): Promise<string | null> {
  try {
    if (mediaType === 'application/pdf') {
      const { extractText, getDocumentProxy } = await import('unpdf');
      const pdf = await getDocumentProxy(new Uint8Array(await readFile(path)));
      const { text } = await extractText(pdf, { mergePages: true });
      await pdf.destroy();
      return cleanText(text);
    }
    if (mediaType === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') {
      const { default: mammoth } = await import('mammoth');
      const { value } = await mammoth.extractRawText({ path });
      return cleanText(value);
    }
    if (mediaType.startsWith('text/') || mediaType === 'message/rfc822') {
      const bytes = await readFile(path);
      return cleanText(new TextDecoder('utf-8').decode(bytes.subarray(0, MAX_TEXT_CHARS * 4)));
    }
    return null;
  } catch (error) {
    log.warn(
      { err: { type: (error as Error)?.name ?? 'unknown' }, mediaType },
      'document text could not be extracted',
    );
    return null;
  }
}
