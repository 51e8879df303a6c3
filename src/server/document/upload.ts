import { Readable, Transform } from 'node:stream';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { formatSize } from '#domain/document/content.ts';
import type { AcceptedMediaType } from '#domain/document/document.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { refuse, SNIFF_BYTES, sniff, sniffZip } from './sniff.ts';
import type { BlobStorage, StagedBlob } from './storage.ts';

/** A file received and staged (not yet kept), with the form fields sent beside it. */
export type ReceivedUpload = {
  fields: Record<string, string>;
  file: { blob: StagedBlob; filename: string; mediaType: AcceptedMediaType } | null;
};

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

/** Refuses text that is not UTF-8 or holds NUL characters, as it streams past. */
function utf8Check(filename: string) {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        if (chunk.includes(0)) throw new Error('NUL');
        decoder.decode(chunk, { stream: true });
        done(null, chunk);
      } catch {
        done(refuse(filename, null));
      }
    },
    flush(done) {
      try {
        decoder.decode();
        done();
      } catch {
        done(refuse(filename, null));
      }
    },
  });
}

async function stageFile(part: MultipartFile, storage: BlobStorage, limit: number) {
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
  const rest = Readable.from(
    (async function* () {
      yield head;
      for (;;) {
        const next = await chunks.next();
        if (next.done) return;
        yield next.value as Buffer;
      }
    })(),
  );
  const blob = await storage.stage(sniffed.text ? rest.pipe(utf8Check(filename)) : rest);
  try {
    if (part.file.truncated) throw tooLarge(limit);
    const mediaType = sniffed.mediaType === 'zip' ? await sniffZip(blob.path, filename) : sniffed.mediaType;
    return { blob, filename, mediaType };
  } catch (error) {
    await blob.discard();
    throw error;
  }
}

/**
 * Reads a multipart upload: the form fields and one file in the `file` field, streamed to staged
 * storage while it is hashed and its real type is told from its content.
 */
export async function receiveUpload(
  request: FastifyRequest,
  storage: BlobStorage,
  limit: number,
): Promise<ReceivedUpload> {
  if (!request.isMultipart()) {
    throw new AppError(
      'unsupported_media_type',
      'Send the document as multipart/form-data, with the file in a field named "file".',
    );
  }
  const received: ReceivedUpload = { fields: {}, file: null };
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
        received.file = await stageFile(part, storage, limit);
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
