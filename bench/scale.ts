// The two sizes the benchmark runs at, and the command-line options.

export type ScaleName = 'S' | 'L';

export type Scale = {
  name: ScaleName;
  partnerships: number;
  /** Reviews holding the narrative events and findings (two empty ones are added for the import). */
  reviews: number;
  events: number;
  findings: number;
  /** Events in the one large review the screens are measured on. */
  largeReviewEvents: number;
};

/** S: one partnership with 50 reviews. L: every partnership in England on one deployment. */
export const scales: Record<ScaleName, Scale> = {
  S: {
    name: 'S',
    partnerships: 1,
    reviews: 50,
    events: 19_800,
    findings: 300,
    largeReviewEvents: 10_000,
  },
  L: {
    name: 'L',
    partnerships: 150,
    reviews: 10_000,
    events: 2_000_000,
    findings: 60_000,
    largeReviewEvents: 10_000,
  },
};

export type Options = {
  scale: Scale;
  /** Seconds of load for each HTTP measurement (BENCH_SECONDS, default 5). */
  seconds: number;
  postgresUrl: string;
  /** Measure on PGlite as well (scale S only; --no-pglite turns it off). */
  pglite: boolean;
  /** Build the web app and measure it in Chromium (--no-web turns it off). */
  web: boolean;
  /** Keep the PostgreSQL database afterwards, to look at query plans (--keep). */
  keep: boolean;
  /** Use the PostgreSQL database a kept earlier run generated, when there is one (--reuse; implies --keep). */
  reuse: boolean;
  /** Generate the PostgreSQL database, keep it and stop (--generate-only). */
  generateOnly: boolean;
  seed: number;
};

/** Reads `--scale S|L`, `--no-pglite`, `--no-web`, `--keep`, `--reuse`, `--generate-only` and the environment. */
export function readOptions(argv: readonly string[], env: NodeJS.ProcessEnv): Options {
  const at = argv.indexOf('--scale');
  const given = (at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--scale='))?.slice(8)) ?? 'S';
  const name = given.toUpperCase();
  if (name !== 'S' && name !== 'L') throw new Error(`--scale must be S or L, not “${given}”`);
  const seconds = Number(env.BENCH_SECONDS ?? 5);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('BENCH_SECONDS must be a positive number');
  return {
    scale: scales[name],
    seconds,
    postgresUrl: env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    pglite: name === 'S' && !argv.includes('--no-pglite'),
    web: !argv.includes('--no-web'),
    keep: argv.includes('--keep') || argv.includes('--reuse') || argv.includes('--generate-only'),
    reuse: argv.includes('--reuse'),
    generateOnly: argv.includes('--generate-only'),
    seed: Number(env.BENCH_SEED ?? 20_240_917),
  };
}
