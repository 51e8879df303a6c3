import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importColumns } from './chronology.ts';
import { mapColumns, readTable } from './import-rows.ts';
import { readDate, readTime } from './import-values.ts';
import { knewBy } from './tunnel.ts';

const agencies = [
  { id: 'health', name: 'Community Health Trust', shortName: 'Health' },
  { id: 'csc', name: 'Children’s Social Care', shortName: 'CSC' },
];
const context = { agencies, recordingAgencyId: 'health' };
const headings = Object.values(importColumns).map((c) => c.label);

describe('reading an agency chronology', () => {
  it('reads dates in the forms agencies use, and names the impossible ones', () => {
    expect(readDate('2026-03-02')).toEqual({ ok: true, value: { date: '2026-03-02', monthOnly: false } });
    expect(readDate('2/3/2026')).toEqual({ ok: true, value: { date: '2026-03-02', monthOnly: false } });
    expect(readDate('2026-03')).toEqual({ ok: true, value: { date: '2026-03-01', monthOnly: true } });
    expect(readDate(new Date(Date.UTC(2026, 2, 2)))).toMatchObject({
      ok: true,
      value: { date: '2026-03-02' },
    });
    expect(readDate('31/02/2026')).toEqual({ ok: false, reason: '31/02/2026 is not a real date' });
    expect(readDate('next Tuesday')).toMatchObject({ ok: false });
    expect(readTime('9:30')).toEqual({ ok: true, value: '09:30' });
    expect(readTime('25:00')).toMatchObject({ ok: false });
  });

  it('matches headings by name or alias, case-insensitively, and says which required column is missing', () => {
    expect(mapColumns(['EVENT DATE', 'Details']).mapping).toEqual({
      date: 'EVENT DATE',
      what_happened: 'Details',
    });
    expect(mapColumns(['When', 'Details'], { date: 'When' }).mapping.date).toBe('When');
    expect(mapColumns(['Details']).errors).toEqual([expect.objectContaining({ row: 1, column: 'Date' })]);
  });

  it('lists every problem by row, column and reason, counting the headings as row 1', () => {
    const rows = [
      ['2026-03-02', '', '', '', 'Health visitor', 'Home visit', 'high', 'home; sleep', 'CSC=2026-03-09', ''],
      ['31/02/2026', 'roughly', '9.75', '', '', '', 'urgent', '', 'Police; CSC=2026-01-01', ''],
      ['2026-03-04', '', '', '2026-03-01', '', 'Phone call', '', '', '', ''],
    ];
    const { rows: ok, errors } = readTable(headings, rows, context);
    expect(ok).toHaveLength(1);
    expect(ok[0]).toMatchObject({ row: 2, significance: 'high', tags: ['home', 'sleep'] });
    expect(ok[0]!.sharedWith).toEqual([{ agencyId: 'csc', learnedOn: '2026-03-09' }]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'Date'],
      [3, 'Date precision'],
      [3, 'Time'],
      [3, 'What happened'],
      [3, 'Significance'],
      [3, 'Shared with'],
      [4, 'End date'],
    ]);
    expect(errors[0]!.reason).toBe('31/02/2026 is not a real date');
  });

  it('never throws on any table, and every row is either read or explained', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.constant(''),
      fc.date({ noInvalidDate: false }),
      fc.integer(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 30 }), (data) => {
        const { rows, errors, rowCount } = readTable(headings, data, context);
        const explained = new Set(errors.map((e) => e.row));
        for (const r of rows) expect(explained.has(r.row)).toBe(false);
        expect(rows.length + explained.size).toBeGreaterThanOrEqual(Math.min(rowCount, 1));
        for (const r of rows) for (const k of r.sharedWith) expect(k.learnedOn >= r.occurredOn).toBe(true);
      }),
    );
  });

  it('the recording agency knows an imported event from its date (the tunnel rule agrees)', () => {
    const { rows } = readTable(
      headings,
      [['2026-03-02', '', '', '', '', 'Visit', '', '', 'CSC=2026-03-09', '']],
      context,
    );
    const event = {
      occurredOn: rows[0]!.occurredOn,
      knowledge: [{ agencyId: 'health', learnedOn: rows[0]!.occurredOn }, ...rows[0]!.sharedWith],
    };
    expect(knewBy(event, 'csc', '2026-03-08')).toBe(false);
    expect(knewBy(event, 'csc', '2026-03-09')).toBe(true);
  });
});
