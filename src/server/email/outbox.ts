import type { EmailMessage } from '#domain/email/messages.ts';
import type { Config } from '../config.ts';
import { sealSecret } from '../crypto/secret-box.ts';
import type { Queryable } from '../db/client.ts';
import { emailOutbox } from '../db/schema/index.ts';

/** What kind of email a row is, for the outbox and the logs. */
export type EmailKind =
  | 'invitation'
  | 'password_reset'
  | 'participant_invitation'
  | 'action_reminder'
  | 'deadline_reminder';

let queuedSinceLastCheck = false;

/** Whether any email has been queued since the last call (so a finished request can nudge the sender). */
export function takeQueuedFlag(): boolean {
  const was = queuedSinceLastCheck;
  queuedSinceLastCheck = false;
  return was;
}

/**
 * Puts an email in the outbox inside the caller's transaction: it is sent only if the transaction
 * commits, and a slow or failing mail server never holds up the request. The body is encrypted at
 * rest, since it may carry a single-use link.
 */
export async function queueEmail(
  q: Queryable,
  config: Pick<Config, 'secretKey' | 'dataDir'>,
  email: { kind: EmailKind; to: string; partnershipId?: string | null } & EmailMessage,
): Promise<void> {
  await q.insert(emailOutbox).values({
    partnershipId: email.partnershipId ?? null,
    kind: email.kind,
    toAddress: email.to,
    subject: email.subject,
    textBody: sealSecret(config, email.text),
  });
  queuedSinceLastCheck = true;
}

/**
 * The start of links in email: SIGHTLINES_PUBLIC_URL, or else the origin the request came to, or
 * else this server on localhost.
 */
export function linkBase(config: Pick<Config, 'publicUrl' | 'port'>, requestOrigin?: string | null): string {
  return config.publicUrl ?? requestOrigin ?? `http://localhost:${config.port}`;
}
