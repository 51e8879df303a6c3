import { createServer, type Socket } from 'node:net';
import type { ClamdSettings } from './scan.service.ts';

/**
 * The EICAR anti-virus test file: harmless, and reported by every scanner as
 * `Eicar-Test-Signature`. Put together at run time so this source file is not itself reported.
 */
export const EICAR = Buffer.from(
  ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-', 'TEST-FILE!$H+H*'].join(''),
  'latin1',
);

/** A stand-in for clamd on a local port, speaking INSTREAM. */
export type FakeClamd = {
  settings: ClamdSettings;
  /** Every stream received in full: the bytes joined, and the chunk lengths they came in. */
  streams: { bytes: Buffer; chunks: number[] }[];
  close(): Promise<void>;
};

/**
 * Starts a clamd that answers `stream: Eicar-Test-Signature FOUND` when the stream holds the EICAR
 * string and `stream: OK` otherwise; or (`silent`) one that reads everything and never answers.
 */
export async function startFakeClamd(
  behaviour: 'scan' | 'silent' = 'scan',
  timeoutMs = 2_000,
): Promise<FakeClamd> {
  const sockets = new Set<Socket>();
  const streams: FakeClamd['streams'] = [];
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buffer = Buffer.alloc(0);
    let commandRead = false;
    const chunks: Buffer[] = [];
    const lengths: number[] = [];
    socket.on('data', (data: Buffer) => {
      buffer = Buffer.concat([buffer, data]);
      if (!commandRead) {
        const end = buffer.indexOf(0);
        if (end < 0) return;
        const command = buffer.subarray(0, end).toString('latin1');
        buffer = buffer.subarray(end + 1);
        commandRead = true;
        if (command !== 'zINSTREAM') {
          socket.end('UNKNOWN COMMAND\0');
          return;
        }
      }
      while (buffer.length >= 4) {
        const length = buffer.readUInt32BE(0);
        if (length === 0) {
          const bytes = Buffer.concat(chunks);
          streams.push({ bytes, chunks: lengths });
          buffer = Buffer.alloc(0);
          if (behaviour === 'silent') return;
          socket.end(bytes.includes(EICAR) ? 'stream: Eicar-Test-Signature FOUND\0' : 'stream: OK\0');
          return;
        }
        if (buffer.length < 4 + length) return;
        chunks.push(buffer.subarray(4, 4 + length));
        lengths.push(length);
        buffer = buffer.subarray(4 + length);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    settings: { host: '127.0.0.1', port: address.port, timeoutMs },
    streams,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An address where nothing listens: a port just freed. */
export async function unusedClamdSettings(): Promise<ClamdSettings> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return { host: '127.0.0.1', port: address.port, timeoutMs: 2_000 };
}
