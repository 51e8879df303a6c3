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
  };
}
