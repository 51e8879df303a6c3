// Import of a 100,000-row agency chronology through the API (check, then commit) beside a raw COPY
// of the same rows into chronology_events, timed in a transaction that is rolled back so both
// start from the same database.
import { importColumns } from '#domain/chronology/chronology.ts';
import type { CopyRow, Loader } from './copy.ts';
import type { Fixture } from './generate.ts';
import type { Session } from './http.ts';
import { eventSummary, practitionerRoles, Random } from './words.ts';

export const IMPORT_ROWS = 100_000;

type Row = { date: string; role: string; summary: string; significance: string; tags: string[]; ref: string };

export type ImportFile = { csv: string; rows: Row[] };

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** An agency's chronology return as CSV in the template's columns, with its rows. */
export function chronologyFile(count: number, seed: number): ImportFile {
  const r = new Random(seed);
  const rows: Row[] = Array.from({ length: count }, (_, i) => ({
    date: new Date(Date.UTC(2015, 0, 1) + Math.floor(i / 12) * 86_400_000).toISOString().slice(0, 10),
    role: r.pick(practitionerRoles),
    summary: eventSummary(r),
    significance: r.chance(0.3) ? r.pick(['low', 'medium', 'high']) : '',
    tags: r.chance(0.5) ? [r.pick(['contact', 'home visit', 'referral', 'school'])] : [],
    ref: `CASE-${100_000 + i}`,
  }));
  const headings = Object.values(importColumns).map((c) => c.label);
  const lines = rows.map((x) =>
    [x.date, '', '', '', x.role, x.summary, x.significance, x.tags.join(';'), '', x.ref].map(quote).join(','),
  );
  return { csv: [headings.join(','), ...lines].join('\r\n'), rows };
}

export type ImportResult = {
  rows: number;
  megabytes: number;
  checkSeconds: number;
  commitSeconds: number;
  seconds: number;
  rowsPerSecond: number;
};

/** Uploads the file to be checked, then commits it: the whole import as a person does it. */
export async function importThroughApi(
  base: string,
  f: Fixture,
  session: Session,
  file: ImportFile,
): Promise<ImportResult> {
  const url = `${base}/api/partnerships/${f.partnershipId}/reviews/${f.importReviewId}/chronology/imports`;
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
  const started = performance.now();
  const preview = await fetch(`${url}?agencyId=${f.agencyIds[1]}&filename=return.csv`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'text/csv' },
    body: file.csv,
  });
  const checked = (await preview.json()) as { importId: string; validCount: number; errors: unknown[] };
  if (preview.status !== 201 || checked.validCount !== file.rows.length)
    throw new Error(`the import check answered ${preview.status}: ${JSON.stringify(checked).slice(0, 300)}`);
  const checkedAt = performance.now();
  const commit = await fetch(`${url}/${checked.importId}/commit`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: '{}',
  });
  const done = (await commit.json()) as { eventsCreated: number };
  if (!commit.ok || done.eventsCreated !== file.rows.length)
    throw new Error(`the import commit answered ${commit.status}: ${JSON.stringify(done).slice(0, 300)}`);
  const seconds = (performance.now() - started) / 1000;
  return {
    rows: file.rows.length,
    megabytes: Buffer.byteLength(file.csv) / 1e6,
    checkSeconds: (checkedAt - started) / 1000,
    commitSeconds: (performance.now() - checkedAt) / 1000,
    seconds,
    rowsPerSecond: file.rows.length / seconds,
  };
}

/** COPY of the same rows straight into chronology_events, in a transaction rolled back afterwards. */
export async function rawCopy(
  loader: Loader,
  f: Fixture,
  file: ImportFile,
): Promise<{ seconds: number; rowsPerSecond: number }> {
  const r = new Random(7);
  const rows: CopyRow[] = file.rows.map((x) => [
    r.uuid(),
    f.partnershipId,
    f.copyReviewId,
    f.agencyIds[1],
    x.date,
    x.role,
    x.summary,
    x.significance || null,
    x.tags,
  ]);
  await loader.query('begin');
  const started = performance.now();
  try {
    await loader.copy(
      'chronology_events',
      [
        'id',
        'partnership_id',
        'review_id',
        'agency_id',
        'occurred_on',
        'practitioner_role',
        'summary',
        'significance',
        'tags',
      ],
      rows,
    );
    const seconds = (performance.now() - started) / 1000;
    return { seconds, rowsPerSecond: rows.length / seconds };
  } finally {
    await loader.query('rollback');
  }
}
