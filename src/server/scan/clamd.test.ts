import { createServer } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClamdUnavailable, parseClamdReply, scanWithClamd } from './clamd.ts';
import { EICAR, type FakeClamd, startFakeClamd, unusedClamdSettings } from './clamd-testing.ts';

let clamd: FakeClamd;
beforeAll(async () => {
  clamd = await startFakeClamd();
});
afterAll(() => clamd.close());

describe('reading clamd’s reply', () => {
  it('tells clean from infected, and treats anything else as no answer', () => {
    expect(parseClamdReply('stream: OK\0')).toEqual({ clean: true });
    expect(parseClamdReply('stream: OK\n')).toEqual({ clean: true });
    expect(parseClamdReply('stream: Eicar-Test-Signature FOUND\0')).toEqual({
      clean: false,
      signature: 'Eicar-Test-Signature',
    });
    expect(parseClamdReply('stream: Win.Test.Multi Word FOUND')).toEqual({
      clean: false,
      signature: 'Win.Test.Multi Word',
    });
    expect(() => parseClamdReply('INSTREAM size limit exceeded. ERROR\0')).toThrow(ClamdUnavailable);
    expect(() => parseClamdReply('')).toThrow(ClamdUnavailable);
    expect(() => parseClamdReply('stream: FOUND')).toThrow(ClamdUnavailable);
  });
});

describe('scanning with INSTREAM', () => {
  it('reports the EICAR test file by name and a clean file as clean', async () => {
    expect(await scanWithClamd(clamd.settings, EICAR, 2_000)).toEqual({
      clean: false,
      signature: 'Eicar-Test-Signature',
    });
    expect(
      await scanWithClamd(clamd.settings, Buffer.from('Minutes of the strategy meeting'), 2_000),
    ).toEqual({ clean: true });
  });

  it('sends a stream in chunks of at most 64 KiB, each led by its length, whatever it was read in', async () => {
    const bytes = Buffer.alloc(200 * 1024 + 7, 'a');
    const before = clamd.streams.length;
    const source = Readable.from([bytes.subarray(0, 10), bytes.subarray(10)]);
    expect(await scanWithClamd(clamd.settings, source, 2_000)).toEqual({ clean: true });
    const seen = clamd.streams[before]!;
    expect(seen.bytes.equals(bytes)).toBe(true);
    expect(Math.max(...seen.chunks)).toBeLessThanOrEqual(64 * 1024);
    expect(seen.chunks.reduce((a, b) => a + b, 0)).toBe(bytes.length);
  });

  it('finds the virus when it arrives split across chunks', async () => {
    const source = Readable.from([EICAR.subarray(0, 20), EICAR.subarray(20)]);
    expect((await scanWithClamd(clamd.settings, source, 2_000)).clean).toBe(false);
  });

  it('fails when nothing listens', async () => {
    const nowhere = await unusedClamdSettings();
    await expect(scanWithClamd(nowhere, EICAR, 2_000)).rejects.toBeInstanceOf(ClamdUnavailable);
  });

  it('fails when the scanner does not answer in time', async () => {
    const silent = await startFakeClamd('silent');
    try {
      await expect(scanWithClamd(silent.settings, Buffer.from('hello'), 200)).rejects.toThrow(
        /did not answer within 200 ms/,
      );
      // It had the whole stream: only the answer was missing.
      expect(silent.streams).toHaveLength(1);
    } finally {
      await silent.close();
    }
  });

  it('fails on an error reply, or a connection closed without one', async () => {
    const server = createServer((socket) => {
      socket.once('data', () => socket.end('INSTREAM size limit exceeded. ERROR\0'));
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const closing = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => closing.listen(0, '127.0.0.1', resolve));
    try {
      await expect(
        scanWithClamd({ host: '127.0.0.1', port }, Buffer.alloc(1024 * 1024), 2_000),
      ).rejects.toThrow(/size limit exceeded/);
      const closed = { host: '127.0.0.1', port: (closing.address() as { port: number }).port };
      await expect(scanWithClamd(closed, Buffer.from('x'), 2_000)).rejects.toBeInstanceOf(ClamdUnavailable);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await new Promise((resolve) => closing.close(resolve));
    }
  });
});
