import { Readable } from 'node:stream';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { formatSize } from '#domain/document/content.ts';
import type { AcceptedMediaType } from '#domain/document/document.ts';
import { AppError } from '#domain/shared/app-error.ts';
import type { ScanRefusal } from '../scan/scan.service.ts';
import { refuse, SNIFF_BYTES, sniff, sniffZip } from './sniff.ts';
import type { BlobStorage, StagedBlob } from './storage.ts';

/**
 * A file received and staged (not yet kept), with the form fields sent beside it; or, when the
 * virus scanner refused the file or could not check it, why (the staged file is already gone).
 */
export type ReceivedUpload = {
  fields: Record<string, string>;
  file: { blob: StagedBlob; filename: string; mediaType: AcceptedMediaType } | null;
  refused: ScanRefusal | null;
};

/** Checks a staged file before anything looks inside it: null to go on, or why it is refused. */
export type ScreenUpload = (blob: StagedBlob, filename: string) => Promise<ScanRefusal | null>;

const tooLarge = (limit: number) =>
  new AppError('payload_too_large', `The selected file must be smaller than ${formatSize(limit)}.`, {
    fields: [{ path: 'file', message: `The selected file must be smaller than ${formatSize(limit)}` }],
  });

/** Maps the multipart parser's errors to ours: too large is 413, anything else malformed is 400. */
function uploadError(error: unknown, limit: number): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(limit);
  if (code === 'FST_FILES_LIMIT')
    return AppError.invalid([{ path: 'file', message: 'Upload one file at a time' }]);
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_PROTO_VIOLATION')
    return AppError.invalid([{ path: '(body)', message: 'The form has too many or unexpected fields' }]);
  return AppError.invalid([{ path: 'file', message: 'The upload was incomplete or malformed. Try again.' }]);
}

/**
 * Refuses text that is not UTF-8 or holds NUL characters, as it streams past. A generator rather
 * than a piped stream, so the refusal reaches the staging pipeline as its error and never escapes
 * as an uncaught exception (which would stop the server).
 */
async function* utf8Checked(chunks: AsyncIterable<Buffer>, filename: string): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const check = (chunk?: Buffer) => {
    try {
      if (chunk?.includes(0)) throw new Error('NUL');
      decoder.decode(chunk, chunk ? { stream: true } : {});
    } catch {
      throw refuse(filename, null);
    }
  };
  for await (const chunk of chunks) {
    check(chunk);
    yield chunk;
  }
  check();
}

async function stageFile(
  part: MultipartFile,
  storage: BlobStorage,
  limit: number,
  screen: ScreenUpload | undefined,
) {
  const filename = part.filename || 'document';
  const chunks = part.file[Symbol.asyncIterator]();
  const headParts: Buffer[] = [];
  let length = 0;
  while (length < SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done) break;
    headParts.push(next.value as Buffer);
    length += (next.value as Buffer).length;
  }
  const head = Buffer.concat(headParts);
  if (part.file.truncated) throw tooLarge(limit);
  let sniffed: Awaited<ReturnType<typeof sniff>>;
  try {
    sniffed = await sniff(head.subarray(0, SNIFF_BYTES), filename);
  } catch (error) {
    part.file.resume();
    throw error;
  }
  const body = (async function* () {
    yield head;
    for (;;) {
      const next = await chunks.next();
      if (next.done) return;
      yield next.value as Buffer;
    }
  })();
  const rest = Readable.from(sniffed.text ? utf8Checked(body, filename) : body);
  const blob = await storage.stage(rest);
  try {
    if (part.file.truncated) throw tooLarge(limit);
    const refused = screen ? await screen(blob, filename) : null;
    if (refused) {
      await blob.discard();
      return { refused, file: null };
    }
    const mediaType = sniffed.mediaType === 'zip' ? await sniffZip(blob.path, filename) : sniffed.mediaType;
    return { refused: null, file: { blob, filename, mediaType } };
  } catch (error) {
    await blob.discard();
    throw error;
  }
}

/**
 * Reads a multipart upload: the form fields and one file in the `file` field, streamed to staged
 * storage while it is hashed, screened (a virus scan) and its real type told from its content.
 */
export async function receiveUpload(
  request: FastifyRequest,
  storage: BlobStorage,
  limit: number,
  screen?: ScreenUpload,
): Promise<ReceivedUpload> {
  if (!request.isMultipart()) {
    throw new AppError(
      'unsupported_media_type',
      'Send the document as multipart/form-data, with the file in a field named "file".',
    );
  }
  const received: ReceivedUpload = { fields: {}, file: null, refused: null };
  try {
    const parts = request.parts({
      limits: { fileSize: limit, files: 1, fields: 20, fieldSize: 10_000, parts: 25 },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw AppError.invalid([
            { path: part.fieldname, message: 'Send the file in the field named "file"' },
          ]);
        }
        const staged = await stageFile(part, storage, limit, screen);
        received.refused = staged.refused;
        received.file = staged.file;
      } else {
        received.fields[part.fieldname] = String(part.value ?? '');
      }
    }
    return received;
  } catch (error) {
    await received.file?.blob.discard();
    throw uploadError(error, limit);
  }
}
