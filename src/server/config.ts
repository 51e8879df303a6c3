import { resolve } from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  SIGHTLINES_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  SIGHTLINES_DEMO_PASSWORD: z.string().optional(),
  SIGHTLINES_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  SIGHTLINES_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  SIGHTLINES_UPLOAD_LIMIT_BYTES: z.coerce.number().int().positive().default(52_428_800),
  SIGHTLINES_SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SIGHTLINES_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  SIGHTLINES_TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  SIGHTLINES_COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  SIGHTLINES_WEB_DIR: z.string().default('./dist/web'),
  SIGHTLINES_PUBLIC_URL: z.url().optional(),
  SIGHTLINES_SMTP_URL: z.string().optional(),
  SIGHTLINES_MAIL_FROM: z.string().default('Sightlines <no-reply@sightlines.invalid>'),
  SIGHTLINES_SECRET_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (32 bytes)')
    .optional(),
  SIGHTLINES_CLAMD: z
    .string()
    .regex(/^[^:\s]+:\d+$/, 'must be host:port, for example 127.0.0.1:3310')
    .optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demoPassword: string | undefined;
  logLevel: z.infer<typeof envSchema>['SIGHTLINES_LOG_LEVEL'];
  bodyLimitBytes: number;
  /** The largest file a person may upload (SIGHTLINES_UPLOAD_LIMIT_BYTES, default 50 MiB). */
  uploadLimitBytes: number;
  session: { idleMinutes: number; absoluteHours: number };
  trustProxy: boolean;
  cookieSecure: 'auto' | 'always' | 'never';
  webDir: string;
  /** The address people reach Sightlines at, for links in email and sign-in redirects; from the request when unset. */
  publicUrl: string | undefined;
  /** SMTP server for email (smtp://user:pass@host:587 or smtps://…); email waits in the outbox while unset. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** 32-byte key (hex) that encrypts secrets at rest; unset: a key file in the data directory (see secret-box.ts). */
  secretKey: string | undefined;
  /** clamd address (host:port) that scans every upload; unset: uploads are not scanned. */
  clamd: { host: string; port: number } | undefined;
};

/** Reads configuration from environment variables, failing with the variable's name when one is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.SIGHTLINES_DATA_DIR),
    databaseUrl: e.DATABASE_URL || undefined,
    demoPassword: e.SIGHTLINES_DEMO_PASSWORD || undefined,
    logLevel: e.SIGHTLINES_LOG_LEVEL,
    bodyLimitBytes: e.SIGHTLINES_BODY_LIMIT_BYTES,
    uploadLimitBytes: e.SIGHTLINES_UPLOAD_LIMIT_BYTES,
    session: {
      idleMinutes: e.SIGHTLINES_SESSION_IDLE_MINUTES,
      absoluteHours: e.SIGHTLINES_SESSION_ABSOLUTE_HOURS,
    },
    trustProxy: e.SIGHTLINES_TRUST_PROXY,
    cookieSecure: e.SIGHTLINES_COOKIE_SECURE,
    webDir: resolve(e.SIGHTLINES_WEB_DIR),
    publicUrl: e.SIGHTLINES_PUBLIC_URL?.replace(/\/+$/, ''),
    smtpUrl: e.SIGHTLINES_SMTP_URL || undefined,
    mailFrom: e.SIGHTLINES_MAIL_FROM,
    secretKey: e.SIGHTLINES_SECRET_KEY,
    clamd: e.SIGHTLINES_CLAMD
      ? { host: e.SIGHTLINES_CLAMD.split(':')[0] as string, port: Number(e.SIGHTLINES_CLAMD.split(':')[1]) }
      : undefined,
  };
}
