// The servers under measurement run in child processes, so the load generator's own work and memory
// stay out of their figures: the real app (`sightlines serve`) and a bare Fastify route.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export type Served = {
  base: string;
  pid: number;
  /** Resident memory now and at its peak so far, in MB (from /proc). */
  memory(): { rssMb: number; peakMb: number };
  stop(): Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function memoryOf(pid: number) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return { rssMb: 0, peakMb: 0 };
  }
}

async function waitFor(url: string, child: ChildProcess, log: () => string, seconds = 300) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server stopped (${child.exitCode}): ${log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer ${url} within ${seconds} s: ${log()}`);
}

async function serve(args: string[], env: Record<string, string>, ready: string): Promise<Served> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}${ready}`, child, () => stderr);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    base,
    pid: child.pid!,
    memory: () => memoryOf(child.pid!),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Builds the server as it is deployed (`npm run build:server`, decision 025) into dist/server. */
export function buildServer(): void {
  const built = spawnSync('npm', ['run', '--silent', 'build:server'], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`server build failed: ${built.stderr.slice(-2000)}`);
}

/**
 * The application as deployed: the built server (see buildServer) running `serve` on PostgreSQL (a
 * URL) or on a PGlite data directory.
 */
export function serveApp(where: { databaseUrl?: string; dataDir: string; webDir?: string }): Promise<Served> {
  // For profiling the app under load, e.g. BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean);
  return serve(
    [...nodeArgs, 'dist/server/sightlines.js', 'serve'],
    {
      DATABASE_URL: where.databaseUrl ?? '',
      SIGHTLINES_DATA_DIR: where.dataDir,
      SIGHTLINES_SEED_DEMO: 'false',
      SIGHTLINES_WEB_DIR: where.webDir ?? '/nonexistent',
      SIGHTLINES_LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    },
    '/api/health',
  );
}

/** A bare Fastify route served the same way: the most a route can do on this machine now. */
export function serveBare(): Promise<Served> {
  return serve(['bin/run-ts.js', 'bench/bare-server.ts'], {}, '/bare');
}
