import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { takeQueuedFlag } from './outbox.ts';
import { sendReminders } from './reminders.service.ts';
import {
  createMailTransport,
  type Logger,
  type MailTransport,
  type SendResult,
  sendPendingEmail,
} from './sender.ts';

export type MailWorkerOptions = {
  database: Database;
  config: Config;
  log: Logger;
  /** How often the outbox is checked without a nudge; default 30 seconds. */
  pollMs?: number;
  /** How often reminders are worked out; default daily, the first a minute after start. */
  remindersEveryMs?: number;
  firstRemindersAfterMs?: number;
  /** A transport other than SIGHTLINES_SMTP_URL's (tests). */
  transport?: MailTransport | null;
  now?: () => Date;
};

/**
 * Sends the outbox in the background of `serve`: every 30 seconds, and soon after a request queues
 * email; works out reminders daily. With no SMTP server configured it sends nothing (the email
 * waits in the outbox) and says so once. `stop` waits for a send in progress, then closes.
 */
export class MailWorker {
  private readonly transport: MailTransport | null;
  private readonly timers = new Set<NodeJS.Timeout>();
  private nudgeTimer: NodeJS.Timeout | null = null;
  private running: Promise<SendResult | null> | null = null;
  private again = false;
  private reminding: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly options: MailWorkerOptions) {
    this.transport =
      options.transport === undefined ? createMailTransport(options.config) : options.transport;
  }

  /** Whether email is sent at all (an SMTP server is configured). */
  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Starts polling and the daily reminders. */
  start(): void {
    const { log, config } = this.options;
    if (!this.transport) {
      log.warn('Email is off: SIGHTLINES_SMTP_URL is not set, so email waits in the outbox unsent.');
      return;
    }
    if (!config.publicUrl) {
      log.warn(
        'SIGHTLINES_PUBLIC_URL is not set: links in email use the address a request came to, or localhost.',
      );
    }
    log.info('Email is on.');
    this.every(this.options.pollMs ?? 30_000, () => void this.runOnce());
    const daily = this.options.remindersEveryMs ?? 86_400_000;
    const first = setTimeout(() => {
      this.timers.delete(first);
      void this.remind();
      this.every(daily, () => void this.remind());
    }, this.options.firstRemindersAfterMs ?? 60_000);
    first.unref();
    this.timers.add(first);
    void this.runOnce();
  }

  /** Asks for a send soon, after the request that queued email has committed. */
  nudge(): void {
    if (this.stopped || !this.transport || this.nudgeTimer) return;
    this.nudgeTimer = setTimeout(() => {
      this.nudgeTimer = null;
      void this.runOnce();
    }, 50);
    this.nudgeTimer.unref();
  }

  /** Sends what is due now; one send at a time (a call during a send runs once more after it). */
  async runOnce(): Promise<SendResult | null> {
    const transport = this.transport;
    if (!transport || this.stopped) return null;
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const { database, config, log, now } = this.options;
    this.running = (async () => {
      let total: SendResult | null = null;
      do {
        this.again = false;
        try {
          const r = await sendPendingEmail(database.db, config, transport, { log, ...(now ? { now } : {}) });
          total = total
            ? {
                sent: total.sent + r.sent,
                retrying: total.retrying + r.retrying,
                failed: total.failed + r.failed,
              }
            : r;
          if (r.sent || r.failed) log.info({ ...r }, 'email sent');
        } catch (error) {
          log.error({ err: error }, 'the email outbox could not be read');
        }
      } while (this.again && !this.stopped);
      return total;
    })();
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  /** Works out and queues the reminders due today, then sends them. */
  remind(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.reminding ??= this.workOutReminders().finally(() => {
      this.reminding = null;
    });
    return this.reminding;
  }

  private async workOutReminders(): Promise<void> {
    try {
      const counts = await sendReminders(
        this.options.database.db,
        this.options.config,
        this.options.now?.() ?? new Date(),
      );
      if (counts.emails) this.options.log.info({ ...counts }, 'reminders queued');
    } catch (error) {
      this.options.log.error({ err: error }, 'reminders could not be worked out');
    }
    await this.runOnce();
  }

  /** Stops the timers, waits for a send in progress and closes the SMTP connection. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    this.timers.clear();
    if (this.nudgeTimer) clearTimeout(this.nudgeTimer);
    this.nudgeTimer = null;
    await this.reminding?.catch(() => null);
    await this.running?.catch(() => null);
    this.transport?.close();
  }

  private every(ms: number, run: () => void) {
    const t = setInterval(run, ms);
    t.unref();
    this.timers.add(t);
  }
}

/**
 * Ties a mail worker to the app: a request that queued email nudges it once the reply has gone
 * (the transaction has committed by then), and closing the app stops it before the database closes.
 */
export function attachMailWorker(app: FastifyInstance, worker: MailWorker): void {
  app.addHook('onResponse', async () => {
    if (takeQueuedFlag()) worker.nudge();
  });
  app.addHook('onClose', async () => worker.stop());
}
