import { describe, expect, it } from 'vitest';
import { findQualityMarker, qualityMarkers } from './markers.ts';
import type { Rating } from './quality.ts';
import {
  addCounts,
  assessmentProblems,
  deadlinePicture,
  draftReceivedProblems,
  draftRequestProblems,
  monitoredDeadlines,
  normaliseAssessment,
  qualityCounts,
} from './rules.ts';

const marker = (n: number) => findQualityMarker(n)!;

describe('counting the ratings', () => {
  it('counts every marker, those never rated or still in progress as not assessed', () => {
    const ratings = new Map<number, Rating | null>([
      [1, 'green'],
      [2, 'amber'],
      [8, 'red'],
      [9, null],
      [14, 'green'],
    ]);
    const { counts, byPhase } = qualityCounts(ratings);
    expect(counts).toEqual({ green: 2, amber: 1, red: 1, notAssessed: 14 });
    expect(byPhase).toEqual([
      {
        phase: 'set_up',
        phaseLabel: 'Setting up the review',
        counts: { green: 1, amber: 1, red: 0, notAssessed: 3 },
      },
      {
        phase: 'running',
        phaseLabel: 'Running the review',
        counts: { green: 0, amber: 0, red: 1, notAssessed: 7 },
      },
      {
        phase: 'outputs',
        phaseLabel: 'Outputs and what follows',
        counts: { green: 1, amber: 0, red: 0, notAssessed: 4 },
      },
    ]);
    expect(qualityCounts(new Map()).counts.notAssessed).toBe(qualityMarkers.length);
  });

  it('adds up several reviews', () => {
    expect(
      addCounts([
        { green: 1, amber: 2, red: 0, notAssessed: 15 },
        { green: 0, amber: 0, red: 3, notAssessed: 15 },
      ]),
    ).toEqual({ green: 1, amber: 2, red: 3, notAssessed: 30 });
    expect(addCounts([])).toEqual({ green: 0, amber: 0, red: 0, notAssessed: 0 });
  });
});

describe('the rules of an assessment', () => {
  const input = { answers: ['yes', 'partly', null] as const, acceptedEvidenceKeys: ['notification'] };

  it('accepts one answer (or none yet) per question and evidence from what is offered', () => {
    expect(
      assessmentProblems(marker(1), { ...input, answers: [...input.answers] }, ['notification']),
    ).toEqual([]);
  });

  it('needs exactly one entry per question of the marker', () => {
    for (const answers of [['yes'], ['yes', 'no', 'no', 'no']] as const)
      expect(assessmentProblems(marker(1), { answers: [...answers], acceptedEvidenceKeys: [] }, [])).toEqual([
        {
          path: 'answers',
          message:
            'Give one answer for each of the 3 questions of quality marker 1, leaving any not answered yet empty',
        },
      ]);
  });

  it('refuses evidence Sightlines did not offer for the marker', () => {
    const problems = assessmentProblems(
      marker(1),
      { answers: [null, null, null], acceptedEvidenceKeys: ['family_letter'] },
      ['notification'],
    );
    expect(problems).toEqual([
      {
        path: 'acceptedEvidenceKeys',
        message: 'Choose only evidence Sightlines offers for quality marker 1',
      },
    ]);
  });

  it('stores the evidence trimmed and each item relied on once, in the order offered', () => {
    expect(
      normaliseAssessment(
        {
          version: 0,
          rating: 'amber',
          answers: ['no'],
          evidence: '  Late  ',
          acceptedEvidenceKeys: ['b', 'a', 'b'],
        },
        ['a', 'b', 'c'],
      ),
    ).toEqual({ rating: 'amber', answers: ['no'], evidence: 'Late', acceptedEvidenceKeys: ['a', 'b'] });
  });
});

describe('requests for a draft', () => {
  it('are made today or earlier and due no earlier than they were made', () => {
    expect(draftRequestProblems({ requestedOn: '2026-06-01', dueOn: '2026-06-01' }, '2026-06-01')).toEqual(
      [],
    );
    expect(draftRequestProblems({ requestedOn: '2026-06-02', dueOn: '2026-05-01' }, '2026-06-01')).toEqual([
      { path: 'requestedOn', message: 'The date of the request must be today or in the past' },
      {
        path: 'dueOn',
        message: 'The date the draft is due must be on or after the date of the request, 2 June 2026',
      },
    ]);
  });

  it('arrive on or after the request, and not in the future', () => {
    expect(draftReceivedProblems('2026-05-01', '2026-05-01', '2026-06-01')).toEqual([]);
    expect(draftReceivedProblems('2026-04-30', '2026-05-01', '2026-06-01')[0]?.message).toBe(
      'The date the draft arrived must be on or after the date it was requested, 1 May 2026',
    );
    expect(draftReceivedProblems('2026-06-02', '2026-05-01', '2026-06-01')).toEqual([
      { path: 'receivedOn', message: 'The date the draft arrived must be today or in the past' },
    ]);
  });
});

describe('deadlines as the partners monitor them', () => {
  const deadlines = monitoredDeadlines({ label: 'Publication', date: '2026-11-30' }, [
    { requestedOn: '2026-05-01', dueOn: '2026-05-15', receivedOn: null },
    { requestedOn: '2026-04-01', dueOn: '2026-04-15', receivedOn: '2026-04-20' },
    { requestedOn: '2026-05-20', dueOn: '2026-06-10', receivedOn: null },
    { requestedOn: '2026-05-25', dueOn: null, receivedOn: null },
  ]);

  it('lists the deadlines passed and not met, and the next one to come', () => {
    expect(deadlinePicture(deadlines, '2026-06-01')).toEqual({
      overdue: ['Draft requested on 1 May 2026'],
      next: { label: 'Draft requested on 20 May 2026', dueOn: '2026-06-10' },
    });
  });

  it('has no publication target once the review is published, and nothing next when all is done', () => {
    expect(deadlinePicture(monitoredDeadlines(null, []), '2026-06-01')).toEqual({ overdue: [], next: null });
  });
});
