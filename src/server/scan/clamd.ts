import { connect } from 'node:net';

/** Where clamd listens (SIGHTLINES_CLAMD=host:port). */
export type ClamdAddress = { host: string; port: number };

/** What clamd said about the bytes: clean, or the name of what it found. */
export type ClamdVerdict = { clean: true } | { clean: false; signature: string };

/** clamd could not be reached, did not answer in time, or answered with an error. */
export class ClamdUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ClamdUnavailable';
  }
}

/** clamd's default StreamMaxLength is 25 MB; chunks are much smaller than that, and than its buffer. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Reads clamd's reply to INSTREAM: `stream: OK`, `stream: <signature> FOUND`, or an error such as
 * `INSTREAM size limit exceeded. ERROR`, which is treated like no answer at all.
 */
export function parseClamdReply(reply: string): ClamdVerdict {
  const text = reply.replace(/[\0\r\n]+$/g, '').trim();
  if (text === 'stream: OK') return { clean: true };
  const found = /^stream: (.+) FOUND$/.exec(text);
  if (found?.[1]) return { clean: false, signature: found[1] };
  throw new ClamdUnavailable(`clamd answered: ${text.slice(0, 200) || '(nothing)'}`);
}

/** The source as a sequence of byte chunks. */
async function* chunksOf(source: Uint8Array | AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) yield source;
  else yield* source;
}

/**
 * Streams bytes to clamd with the INSTREAM command (`zINSTREAM\0`, then chunks each led by its
 * length as 4 bytes big-endian, then a zero length) and reads its verdict. The whole exchange must
 * finish within `timeoutMs`; a connection that fails, a scanner that does not answer in time and an
 * error reply all throw `ClamdUnavailable`, so the caller can refuse the upload.
 */
export async function scanWithClamd(
  address: ClamdAddress,
  source: Uint8Array | AsyncIterable<Uint8Array>,
  timeoutMs: number,
): Promise<ClamdVerdict> {
  const socket = connect({ host: address.host, port: address.port });
  const timer = setTimeout(
    () => socket.destroy(new ClamdUnavailable(`clamd did not answer within ${timeoutMs} ms`)),
    timeoutMs,
  );
  const reply = new Promise<string>((resolve, reject) => {
    const received: Buffer[] = [];
    socket.on('data', (data: Buffer) => {
      received.push(data);
      const all = Buffer.concat(received);
      const end = all.indexOf(0);
      if (end >= 0) resolve(all.subarray(0, end).toString('utf8'));
    });
    socket.on('end', () => resolve(Buffer.concat(received).toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => reject(new ClamdUnavailable('clamd closed the connection without an answer')));
  });

  const write = async (bytes: Uint8Array) => {
    if (socket.destroyed) throw new ClamdUnavailable('the connection to clamd has ended');
    if (socket.write(bytes)) return;
    await new Promise<void>((resolve, reject) => {
      const settle = (error?: Error) => {
        socket.off('drain', drained);
        socket.off('close', closed);
        if (error) reject(error);
        else resolve();
      };
      const drained = () => settle();
      const closed = () => settle(new ClamdUnavailable('the connection to clamd has ended'));
      socket.on('drain', drained);
      socket.on('close', closed);
    });
  };
  const send = async () => {
    await write(Buffer.from('zINSTREAM\0', 'latin1'));
    for await (const chunk of chunksOf(source)) {
      for (let at = 0; at < chunk.length; at += CHUNK_BYTES) {
        const piece = chunk.subarray(at, at + CHUNK_BYTES);
        const length = Buffer.alloc(4);
        length.writeUInt32BE(piece.length);
        await write(length);
        await write(piece);
      }
    }
    await write(Buffer.alloc(4));
  };
  // clamd may answer (and close) before everything is sent, e.g. when the stream is over its limit:
  // its answer wins over the failed write.
  void send().catch((error: unknown) => {
    socket.destroy(error instanceof Error ? error : new Error(String(error)));
  });

  try {
    return parseClamdReply(await reply);
  } catch (error) {
    if (error instanceof ClamdUnavailable) throw error;
    throw new ClamdUnavailable(`clamd at ${address.host}:${address.port} could not be reached`, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    socket.destroy();
  }
}
