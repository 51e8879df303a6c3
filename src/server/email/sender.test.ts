import { eq } from 'drizzle-orm';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SEND_ATTEMPTS } from '#domain/email/email.ts';
import { emailOutbox } from '../db/schema/index.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { attachMailWorker, MailWorker } from './mail-worker.ts';
import { queueEmail } from './outbox.ts';
import { createMailTransport, sendPendingEmail } from './sender.ts';
import { startSmtpCapture } from './smtp-testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const queue = (to: string) =>
  t.database.db.transaction((tx) =>
    queueEmail(tx, t.config, { kind: 'password_reset', to, subject: 'Hello', text: `Hello ${to}` }),
  );
const rowFor = async (to: string) =>
  (await t.database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to)))[0]!;
const silent = { info() {}, warn() {}, error() {} };

describe('sending the outbox', () => {
  it('keeps email pending while the SMTP server is down and sends it on a later try', async () => {
    const smtp = await startSmtpCapture();
    const { port, url } = smtp;
    await smtp.close();
    await queue('down@example.org');
    const transport = createMailTransport({ smtpUrl: url })!;
    const start = Date.now();
    expect(await sendPendingEmail(t.database.db, t.config, transport)).toEqual({
      sent: 0,
      retrying: 1,
      failed: 0,
    });
    const failed = await rowFor('down@example.org');
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(start + 60_000 - 1000);
    expect(failed.textBody.startsWith('enc:v1:')).toBe(true);

    // Not due again yet: nothing is tried.
    expect(await sendPendingEmail(t.database.db, t.config, transport)).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });

    const back = await startSmtpCapture(port);
    try {
      const later = () => new Date(Date.now() + 2 * 60_000);
      expect(await sendPendingEmail(t.database.db, t.config, transport, { now: later })).toEqual({
        sent: 1,
        retrying: 0,
        failed: 0,
      });
      const [message] = await back.waitFor(1);
      expect(message!.to).toEqual(['down@example.org']);
      expect(message!.text).toContain('Hello down@example.org');
      expect(message!.raw).toMatch(/^Auto-Submitted: auto-generated/im);
      expect(await rowFor('down@example.org')).toMatchObject({
        status: 'sent',
        attempts: 2,
        lastError: null,
      });
    } finally {
      transport.close();
      await back.close();
    }
  });

  it('gives up after the last try and marks the email failed', async () => {
    await queue('never@example.org');
    const transport = {
      sendMail: async () => {
        throw Object.assign(new Error('550 mailbox unavailable'), { responseCode: 550 });
      },
      close() {},
    };
    let clock = Date.now();
    const now = () => new Date(clock);
    for (let i = 1; i <= MAX_SEND_ATTEMPTS; i++) {
      const r = await sendPendingEmail(t.database.db, t.config, transport, { now });
      expect(r).toEqual(
        i < MAX_SEND_ATTEMPTS ? { sent: 0, retrying: 1, failed: 0 } : { sent: 0, retrying: 0, failed: 1 },
      );
      clock += 3 * 3_600_000;
    }
    expect(await rowFor('never@example.org')).toMatchObject({
      status: 'failed',
      attempts: MAX_SEND_ATTEMPTS,
      lastError: '550 mailbox unavailable',
      textBody: '',
    });
    expect(await sendPendingEmail(t.database.db, t.config, transport, { now })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
  });
});

describe('the mail worker', () => {
  it('with no SMTP server says once that email is off and leaves email pending', async () => {
    const warnings: string[] = [];
    const log = { ...silent, warn: (m: unknown) => void warnings.push(String(m)) };
    const worker = new MailWorker({ database: t.database, config: { ...t.config, smtpUrl: undefined }, log });
    worker.start();
    await queue('off@example.org');
    expect(worker.enabled).toBe(false);
    expect(await worker.runOnce()).toBeNull();
    expect(warnings).toEqual([expect.stringContaining('Email is off')]);
    expect((await rowFor('off@example.org')).status).toBe('pending');
    await worker.stop();
    await t.database.db.delete(emailOutbox).where(eq(emailOutbox.toAddress, 'off@example.org'));
  });

  it('is nudged once a request that queued email has committed, and stops when the app closes', async () => {
    const smtp = await startSmtpCapture();
    const app = Fastify();
    const config = { ...t.config, smtpUrl: smtp.url };
    const worker = new MailWorker({
      database: t.database,
      config,
      log: silent,
      pollMs: 3_600_000,
      firstRemindersAfterMs: 3_600_000,
    });
    app.post('/queue', async () => {
      await t.database.db.transaction((tx) =>
        queueEmail(tx, config, { kind: 'invitation', to: 'nudged@example.org', subject: 'Hi', text: 'Hi' }),
      );
      return { ok: true };
    });
    attachMailWorker(app, worker);
    try {
      worker.start();
      expect((await app.inject({ method: 'POST', url: '/queue' })).statusCode).toBe(200);
      const [message] = await smtp.waitFor(1);
      expect(message!.to).toEqual(['nudged@example.org']);
      await app.close();
      await queue('after-close@example.org');
      expect(await worker.runOnce()).toBeNull();
      expect((await rowFor('after-close@example.org')).status).toBe('pending');
    } finally {
      await app.close();
      await smtp.close();
    }
  });
});
