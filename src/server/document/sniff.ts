import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';
import { claimedType, extensionOf, looksLikeEmail, looksLikeText } from '#domain/document/content.ts';
import { type AcceptedMediaType, acceptedMediaTypes } from '#domain/document/document.ts';
import { AppError } from '#domain/shared/app-error.ts';

/** How many bytes of a file are read to tell what it really is. */
export const SNIFF_BYTES = 4100;

const officeTypes = new Set<string>([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);
const textTypes = new Set<string>(['text/plain', 'text/csv', 'message/rfc822']);
const allowed = 'Upload PDF, Word, Excel, CSV, text, image or email files.';

/** What the first bytes say; `zip` means an Office file or a plain archive, which only the whole file can tell. */
export type Sniffed = { mediaType: AcceptedMediaType; text: boolean } | { mediaType: 'zip'; text: false };

function looksLike(mime: string): string {
  if (/x-msdownload|x-executable|x-elf|x-mach-binary|x-msi|x-sh|java-archive|x-dex/.test(mime))
    return `a program (${mime})`;
  if (/zip|x-7z|x-rar|gzip|x-tar|x-bzip|x-xz|zstd/.test(mime)) return `an archive (${mime})`;
  if (mime.startsWith('video/')) return `a video (${mime})`;
  if (mime.startsWith('audio/')) return `a sound recording (${mime})`;
  if (mime.startsWith('image/')) return `an image of a type we do not accept (${mime})`;
  return `a file of type ${mime}`;
}

/** A 400 naming the `file` field, saying what the file claims to be, what it looks like, and what is accepted. */
export function refuse(filename: string, detected: string | null): AppError {
  const claimed = claimedType(filename);
  const what = detected
    ? `it looks like ${looksLike(detected)}`
    : 'we could not tell what kind of file it is';
  const opening = claimed
    ? `This file is not ${claimed}: ${what}.`
    : `This kind of file cannot be uploaded: ${what}.`;
  return AppError.invalid([{ path: 'file', message: `${opening} ${allowed}` }], 'The file was refused.');
}

/** Tells the real type of a file from its first bytes, never from its name or the type the browser sent. */
export async function sniff(head: Uint8Array, filename: string): Promise<Sniffed> {
  const found = await fileTypeFromBuffer(head);
  if (found) {
    if (found.mime === 'application/zip' || officeTypes.has(found.mime))
      return { mediaType: 'zip', text: false };
    if (found.mime in acceptedMediaTypes && !textTypes.has(found.mime)) {
      return { mediaType: found.mime as AcceptedMediaType, text: false };
    }
    throw refuse(filename, found.mime);
  }
  if (head.length === 0) {
    throw AppError.invalid(
      [{ path: 'file', message: 'The selected file is empty' }],
      'The file was refused.',
    );
  }
  if (!looksLikeText(head)) throw refuse(filename, null);
  const start = new TextDecoder('utf-8').decode(head);
  if (looksLikeEmail(start)) return { mediaType: 'message/rfc822', text: true };
  return { mediaType: extensionOf(filename) === 'csv' ? 'text/csv' : 'text/plain', text: true };
}

/** Tells a Word or Excel file from any other ZIP archive by looking at the whole staged file. */
export async function sniffZip(path: string, filename: string): Promise<AcceptedMediaType> {
  const found = await fileTypeFromFile(path);
  if (found && officeTypes.has(found.mime)) return found.mime as AcceptedMediaType;
  throw refuse(filename, found?.mime ?? 'application/zip');
}
