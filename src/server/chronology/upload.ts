import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The largest chronology file accepted: 50,000 rows of a full agency return fit well inside it. */
export const UPLOAD_LIMIT_BYTES = 30 * 1024 * 1024;

/** An uploaded file as the request body; its bytes are kept out of sight of the generic body checks. */
export class UploadedFile {
  readonly #bytes: Buffer;
  readonly kind: 'csv' | 'xlsx';
  constructor(bytes: Buffer, kind: 'csv' | 'xlsx') {
    this.#bytes = bytes;
    this.kind = kind;
  }
  get bytes(): Buffer {
    return this.#bytes;
  }
}

export const uploadedFile = z.custom<UploadedFile>((v) => v instanceof UploadedFile, {
  error: 'Upload the chronology as a CSV file (text/csv) or an Excel workbook (.xlsx)',
});

/** What a file really is, whatever it was sent as: a workbook is a zip (PK), anything else is read as CSV. */
export function sniffKind(bytes: Buffer): 'csv' | 'xlsx' {
  return bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) ? 'xlsx' : 'csv';
}

/**
 * Accepts CSV and XLSX request bodies (also as Windows labels a CSV, application/vnd.ms-excel, or as
 * application/octet-stream), in the import route's own Fastify context only.
 */
export async function installChronologyUploads(app: FastifyInstance): Promise<void> {
  for (const type of [CSV_TYPE, XLSX_TYPE, 'application/vnd.ms-excel', 'application/octet-stream']) {
    app.addContentTypeParser(
      type,
      { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT_BYTES },
      (_request, body, done) => {
        const bytes = body as Buffer;
        done(null, new UploadedFile(bytes, sniffKind(bytes)));
      },
    );
  }
}
