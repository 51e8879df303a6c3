import { csvLine, goodRows, templateHeadings } from '../chronology/import-testing.ts';
import { type ApiClient, NoAnswer } from './api-client.ts';

/** A small seeded pseudo-random generator (mulberry32), so a failing run can be repeated. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Where the workload writes: one review takes single events, another the large imports. */
export type Target = {
  partnershipId: string;
  agencyId: string;
  eventsReviewId: string;
  importsReviewId: string;
};

const reviewPath = (t: Target, reviewId: string) =>
  `/api/partnerships/${t.partnershipId}/reviews/${reviewId}/chronology`;
export const eventsPath = (t: Target) => reviewPath(t, t.eventsReviewId);
export const importsPath = (t: Target) => reviewPath(t, t.importsReviewId);

/** An event the server acknowledged (answered 201), with the marker it was written with. */
export type AckedEvent = { id: string; summary: string };

/** One import's story as the client saw it: checked (an id came back), imported (200 came back). */
export type ImportAttempt = {
  round: number;
  rows: number;
  importId: string | null;
  commitAcked: boolean;
  /** Milliseconds from the start of the round until the check, and then the import, answered. */
  checkedAtMs?: number;
  importedAtMs?: number;
};

/** When to kill: a delay from the start of the round, or from the moment the file was checked. */
export type KillPlan = { from: 'start' | 'checked'; afterMs: number };

export type RoundWork = {
  acked: AckedEvent[];
  /** Event writes sent without an answer: each may or may not be stored. */
  unanswered: number;
  importAttempt: ImportAttempt;
  /** Requests answered with a status the workload did not expect (5xx included). */
  unexpected: string[];
};

const SUMMARY_COLUMN = 5;

/** A chronology file of `rows` good rows, each row's words unique to this round. */
export function importFile(round: number, rows: number): string {
  const lines = goodRows(rows).map((cells) =>
    csvLine(cells.map((cell, i) => (i === SUMMARY_COLUMN ? `Round ${round}: ${cell}` : cell))),
  );
  return [csvLine(templateHeadings), ...lines].join('\r\n');
}

/** Checks and then imports one large chronology file, noting how far the server acknowledged it. */
export async function runImport(
  api: ApiClient,
  target: Target,
  attempt: ImportAttempt,
  file: string,
  unexpected: string[],
  onChecked: () => void = () => {},
): Promise<void> {
  const started = performance.now();
  const preview = await api.request(
    'POST',
    `${importsPath(target)}/imports?agencyId=${target.agencyId}&filename=round-${attempt.round}.csv`,
    file,
    'text/csv',
  );
  if (preview.status !== 201) {
    unexpected.push(`import check answered ${preview.status}: ${preview.text.slice(0, 300)}`);
    return;
  }
  attempt.importId = (preview.json as { importId: string }).importId;
  attempt.checkedAtMs = performance.now() - started;
  onChecked();
  const commit = await api.request('POST', `${importsPath(target)}/imports/${attempt.importId}/commit`, {});
  if (commit.status !== 200) {
    unexpected.push(`import answered ${commit.status}: ${commit.text.slice(0, 300)}`);
    return;
  }
  attempt.commitAcked = true;
  attempt.importedAtMs = performance.now() - started;
}

/** Records events one after another, each with a unique marker, until the server stops answering or `done()`. */
async function writeEvents(
  api: ApiClient,
  target: Target,
  marker: string,
  work: RoundWork,
  done: () => boolean,
) {
  for (let n = 0; !done(); n++) {
    const summary = `${marker}.${n}`;
    let res: Awaited<ReturnType<ApiClient['request']>>;
    try {
      res = await api.request('POST', `${eventsPath(target)}/events`, {
        occurredOn: '2025-06-01',
        agencyId: target.agencyId,
        summary,
      });
    } catch (error) {
      if (error instanceof NoAnswer) {
        work.unanswered++;
        return;
      }
      throw error;
    }
    if (res.status === 201) work.acked.push({ id: (res.json as { id: string }).id, summary });
    else work.unexpected.push(`event write answered ${res.status}: ${res.text.slice(0, 300)}`);
  }
}

/**
 * One round: concurrent event writers and one large import run against the server until `kill`
 * ends them (SIGKILL as the plan says); with no plan, until the import is done. Returns what the
 * server acknowledged.
 */
export async function driveRound(
  api: ApiClient,
  target: Target,
  options: { round: number; writers: number; rows: number; file: string },
  plan: KillPlan | null,
  kill: () => Promise<void>,
): Promise<RoundWork> {
  const work: RoundWork = {
    acked: [],
    unanswered: 0,
    importAttempt: { round: options.round, rows: options.rows, importId: null, commitAcked: false },
    unexpected: [],
  };
  let importDone = false;
  let startKillTimer: () => void = () => {};
  const killed = plan
    ? new Promise<void>((resolve, reject) => {
        startKillTimer = () => setTimeout(() => kill().then(resolve, reject), plan.afterMs);
      })
    : null;
  if (plan?.from === 'start') startKillTimer();
  const importing = runImport(api, target, work.importAttempt, options.file, work.unexpected, () => {
    if (plan?.from === 'checked') startKillTimer();
  })
    .catch((error) => {
      if (!(error instanceof NoAnswer)) throw error;
    })
    .finally(() => {
      importDone = true;
      // A file that was never checked cannot start the timer: kill now rather than wait for ever.
      if (plan?.from === 'checked' && !work.importAttempt.importId) startKillTimer();
    });
  const writers = Array.from({ length: options.writers }, (_, w) =>
    writeEvents(api, target, `crash ${options.round}.${w}`, work, () => !plan && importDone),
  );
  await Promise.all([killed, importing, ...writers]);
  return work;
}
