import mammoth from 'mammoth';
import { extractText } from 'unpdf';

/*
 * The text of a generated DOCX or PDF, read back from the file as a reader's software would see it:
 * for checking that what was rendered is what the document model held, and that no identifier
 * came back in it.
 */

/** The plain text of a Word document, paragraphs on lines of their own. */
export async function docxText(buf: Buffer): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer: buf });
  return value;
}

/** The plain text of a PDF, all pages together. */
export async function pdfText(buf: Buffer): Promise<string> {
  const { text } = await extractText(new Uint8Array(buf), { mergePages: true });
  return text;
}
