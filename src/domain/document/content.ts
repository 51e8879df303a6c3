import type { AcceptedMediaType } from './document.ts';

/** The usual file name extensions of each accepted type; the first is used when one is missing. */
export const extensionsFor: Record<AcceptedMediaType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'text/csv': ['csv'],
  'text/plain': ['txt', 'text', 'log', 'md'],
  'message/rfc822': ['eml'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
};

export const extensionOf = (filename: string) => {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(filename);
  return m ? m[1]!.toLowerCase() : '';
};

const claimedNouns: Record<AcceptedMediaType, string> = {
  'application/pdf': 'a PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'a Word document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'an Excel spreadsheet',
  'text/csv': 'a CSV file',
  'text/plain': 'a text file',
  'message/rfc822': 'an email',
  'image/png': 'a PNG image',
  'image/jpeg': 'a JPEG image',
  'image/gif': 'a GIF image',
  'image/webp': 'a WebP image',
};

/** The type a file name claims, in words, for messages ("This file is not a PDF"). */
export function claimedType(filename: string): string | null {
  const ext = extensionOf(filename);
  for (const [type, exts] of Object.entries(extensionsFor)) {
    if (exts.includes(ext)) return claimedNouns[type as AcceptedMediaType];
  }
  return null;
}

/**
 * Whether the start of a file is UTF-8 text without NUL characters. The last character may be cut
 * off where the start ends, so an incomplete final sequence is allowed.
 */
export function looksLikeText(head: Uint8Array): boolean {
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

const headerLine =
  /^(From|To|Subject|Date|Message-ID|Received|Return-Path|MIME-Version|Cc|Reply-To|Content-Type):[ \t]/i;

/** Whether text starts like an email message (RFC 5322 headers such as From:, Subject:, Date:). */
export function looksLikeEmail(text: string): boolean {
  const lines = text.split(/\r?\n/).slice(0, 30);
  const headers = new Set<string>();
  for (const line of lines) {
    if (line === '') break;
    const m = headerLine.exec(line);
    if (m) headers.add(m[1]!.toLowerCase());
  }
  return headers.has('from') && (headers.has('subject') || headers.has('date')) && headers.size >= 2;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
const unsafeInFilename = /[\u0000-\u001f\u007f"<>:|?*;]/g;

/** A file name safe to put in a Content-Disposition header and on someone's disk, ending in the right extension. */
export function safeFilename(name: string, mediaType: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  let clean = base
    .replace(unsafeInFilename, '_')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 150);
  const exts = extensionsFor[mediaType as AcceptedMediaType] ?? [];
  if (!clean) clean = 'document';
  if (exts.length && !exts.includes(extensionOf(clean))) clean = `${clean}.${exts[0]}`;
  return clean;
}

/** A Content-Disposition header value with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(kind: 'attachment' | 'inline', filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/[%\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A size in words: 2.4 MB, 830 KB, 12 bytes. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
