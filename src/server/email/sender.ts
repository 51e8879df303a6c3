import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { nextAttemptAfter } from '#domain/email/email.ts';
import type { Config } from '../config.ts';
import { openSecret } from '../crypto/secret-box.ts';
import type { Db } from '../db/client.ts';
import { emailOutbox } from '../db/schema/index.ts';

/** What the sender needs of a nodemailer transport. */
export type MailTransport = {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    headers: Record<string, string>;
  }): Promise<unknown>;
  close(): void;
};

export type Logger = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

/** An SMTP transport for SIGHTLINES_SMTP_URL, or null when email is off. */
export function createMailTransport(config: Pick<Config, 'smtpUrl'>): MailTransport | null {
  if (!config.smtpUrl) return null;
  const options: SMTPTransport.Options = {
    url: config.smtpUrl,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  };
  return nodemailer.createTransport(options);
}

export type SendResult = { sent: number; retrying: number; failed: number };

const BATCH = 20;
/** How long a claimed email is held before another sender may try it (a sender that died mid-send). */
const CLAIM_MS = 5 * 60_000;
const MAX_BATCHES = 25;

/**
 * Sends the email that is due from the outbox, a batch at a time: each row is claimed first (so two
 * servers never send the same email), sent outside any transaction, then marked sent, or given a
 * later try with the error, or marked failed after the last try. A sent email's body is erased:
 * the outbox keeps who, what kind and when, never the link.
 */
export async function sendPendingEmail(
  db: Db,
  config: Pick<Config, 'mailFrom' | 'secretKey' | 'dataDir'>,
  transport: MailTransport,
  options: { now?: () => Date; log?: Logger } = {},
): Promise<SendResult> {
  const now = options.now ?? (() => new Date());
  const result: SendResult = { sent: 0, retrying: 0, failed: 0 };
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const at = now();
    const due = db
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.status, 'pending'), lte(emailOutbox.nextAttemptAt, at)))
      .orderBy(asc(emailOutbox.nextAttemptAt))
      .limit(BATCH)
      .for('update', { skipLocked: true });
    const claimed = await db
      .update(emailOutbox)
      .set({ nextAttemptAt: new Date(at.getTime() + CLAIM_MS) })
      .where(inArray(emailOutbox.id, due))
      .returning();
    // RETURNING keeps no order: send the oldest first.
    claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    for (const row of claimed) {
      try {
        await transport.sendMail({
          from: config.mailFrom,
          to: row.toAddress,
          subject: row.subject,
          text: openSecret(config, row.textBody),
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
        await db
          .update(emailOutbox)
          .set({ status: 'sent', attempts: row.attempts + 1, sentAt: now(), textBody: '', lastError: null })
          .where(eq(emailOutbox.id, row.id));
        result.sent++;
      } catch (error) {
        const attempts = row.attempts + 1;
        const next = nextAttemptAfter(attempts, now());
        const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
        await db
          .update(emailOutbox)
          .set({
            attempts,
            lastError: message,
            ...(next ? { nextAttemptAt: next } : { status: 'failed', textBody: '' }),
          })
          .where(eq(emailOutbox.id, row.id));
        if (next) result.retrying++;
        else result.failed++;
        options.log?.warn(
          // The server's reply may quote the address, so only its codes are logged.
          { emailId: row.id, kind: row.kind, attempts, gaveUp: !next, ...errorCodes(error) },
          next ? 'email not sent; will try again' : 'email not sent; gave up',
        );
      }
    }
    if (claimed.length < BATCH) break;
  }
  return result;
}

function errorCodes(error: unknown): { code?: string; responseCode?: number } {
  const e = error as { code?: unknown; responseCode?: unknown } | null;
  return {
    ...(typeof e?.code === 'string' ? { code: e.code } : {}),
    ...(typeof e?.responseCode === 'number' ? { responseCode: e.responseCode } : {}),
  };
}
