import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The repository root, where `bin/sightlines.js` lives. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export type ServerSetup = {
  /** The data directory: PGlite lives in it unless databaseUrl is set; stored files always do. */
  dataDir: string;
  databaseUrl?: string;
  /** Where the server's output is appended, to read when something goes wrong. */
  logFile: string;
};

export type RunningServer = {
  baseUrl: string;
  pid: number;
  /** Kills the process with SIGKILL (no shutdown code runs) and waits until it has gone. */
  kill(): Promise<void>;
  /** Asks the process to shut down (SIGTERM) and waits for it; SIGKILL after the timeout. */
  stop(timeoutMs?: number): Promise<number | null>;
};

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The last lines of the server's log, for failure messages. */
export function logTail(logFile: string, lines = 40): string {
  try {
    return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** The environment the server runs with: nothing inherited that names a database or Sightlines setting. */
function serverEnv(setup: ServerSetup, port: number): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !k.startsWith('SIGHTLINES_') && k !== 'DATABASE_URL' && k !== 'TEST_DATABASE_URL',
    ),
  );
  return {
    ...inherited,
    PORT: String(port),
    HOST: '127.0.0.1',
    SIGHTLINES_DATA_DIR: setup.dataDir,
    SIGHTLINES_SEED_DEMO: 'false',
    SIGHTLINES_LOG_LEVEL: 'warn',
    SIGHTLINES_WEB_DIR: '/nonexistent',
    ...(setup.databaseUrl ? { DATABASE_URL: setup.databaseUrl } : {}),
  };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

/** Starts `sightlines serve` as a child process and waits until /api/health answers. */
export async function startServer(setup: ServerSetup, timeoutMs = 90_000): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = openSync(setup.logFile, 'a');
  const child = spawn(process.execPath, ['bin/sightlines.js', 'serve'], {
    cwd: repoRoot,
    env: serverEnv(setup, port),
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  // If the test process itself ends early, take the server with it.
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  const gone = exited(child);
  void gone.then(() => process.removeListener('exit', orphanGuard));
  let hasExited = false;
  void gone.then(() => {
    hasExited = true;
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (hasExited)
      throw new Error(
        `the server exited while starting (code ${child.exitCode}, signal ${child.signalCode}):\n${logTail(setup.logFile)}`,
      );
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer /api/health in ${timeoutMs} ms:\n${logTail(setup.logFile)}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) break;
      throw new Error(`/api/health answered ${res.status} after a restart: ${await res.text()}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('/api/health answered')) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    baseUrl,
    pid: child.pid!,
    kill: async () => {
      child.kill('SIGKILL');
      await gone;
    },
    stop: async (ms = 15_000) => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), ms);
      const code = await gone;
      clearTimeout(timer);
      return code;
    },
  };
}
