import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { deflateSync } from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';
import type { DocumentRestriction } from '#domain/document/document.ts';
import { documents } from '../db/schema/index.ts';
import type { Session, TestApp } from '../testing/harness.ts';
import { filesystemStorage } from './storage.ts';

/** A minimal, valid one-page PDF whose page shows the given text. */
export function samplePdf(text: string): Buffer {
  const stream = `BT /F1 24 Tf 72 700 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A Word document with one paragraph, made by the docx library. */
export const sampleDocx = (text: string) =>
  Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] }));

/** A valid 1×1 PNG; `seed` changes its colour, so each seed gives different bytes. */
export function samplePng(seed = 0): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const pixel = Buffer.from([0, seed & 0xff, (seed >> 8) & 0xff, 200]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixel)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A Windows program: the `MZ` header and a PE signature, whatever it is named. */
export function sampleExecutable(): Buffer {
  const buf = Buffer.alloc(512);
  buf.write('MZ', 0, 'latin1');
  buf.writeUInt32LE(0x80, 0x3c);
  buf.write('PE\0\0', 0x80, 'latin1');
  return buf;
}

export type UploadFile = { name: string; content: Buffer; type?: string };

/** A multipart/form-data body as a browser sends it: the fields first, then the file. */
export function multipartBody(fields: Record<string, string>, file?: UploadFile) {
  const boundary = `----sightlines${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Uploads a file as a signed-in person (or anonymously with null). */
export function upload(
  t: TestApp,
  session: Session | null,
  url: string,
  fields: Record<string, string>,
  file?: UploadFile,
) {
  const { payload, contentType } = multipartBody(fields, file);
  const headers: Record<string, string> = { 'content-type': contentType };
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrfToken;
  }
  return t.app.inject({ method: 'POST', url, headers, payload });
}

/** A PNG document stored for a review directly, with its file in the app's storage. */
export async function givenDocument(
  t: TestApp,
  review: { id: string; partnershipId: string },
  options: { restriction?: DocumentRestriction; title?: string; content?: Buffer } = {},
) {
  const content = options.content ?? samplePng();
  const { sha256, size } = await filesystemStorage(t.config.dataDir).put(Readable.from([content]));
  const [row] = await t.database.db
    .insert(documents)
    .values({
      partnershipId: review.partnershipId,
      reviewId: review.id,
      title: options.title ?? 'Genogram',
      kind: 'case_record',
      originalFilename: 'genogram.png',
      mediaType: 'image/png',
      sizeBytes: size,
      sha256,
      restriction: options.restriction ?? 'review_team',
    })
    .returning();
  return row!;
}
