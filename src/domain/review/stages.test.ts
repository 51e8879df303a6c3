import { describe, expect, it } from 'vitest';
import {
  type ActiveStage,
  checksFor,
  nextStage,
  planTransition,
  type ReviewFacts,
  type ReviewStage,
  stageOrder,
} from './stages.ts';

const complete: ReviewFacts = {
  decisionRationale: 'Meets regulation 11 criteria (c): concerns about agencies working together',
  purposeStatement: 'To learn how agencies respond to neglect of pre-school children',
  scopeFrom: '2025-01-01',
  scopeTo: '2026-02-01',
  agenciesInScope: 4,
  researchQuestions: 2,
  leadReviewers: 2,
  reviewTeamMembers: 3,
  caseGroupMembers: 5,
  signOffChain: 2,
  qualityAssurer: true,
  publicationEmbargoes: 0,
  conversationBans: 0,
};
const empty: ReviewFacts = {
  decisionRationale: null,
  purposeStatement: null,
  scopeFrom: null,
  scopeTo: null,
  agenciesInScope: 0,
  researchQuestions: 0,
  leadReviewers: 0,
  reviewTeamMembers: 0,
  caseGroupMembers: 0,
  signOffChain: 0,
  qualityAssurer: false,
  publicationEmbargoes: 0,
  conversationBans: 0,
};

const at = (stage: ReviewStage, resumeStage: ActiveStage | null = null) => ({ stage, resumeStage });
const sequence = stageOrder;

describe('advancing', () => {
  for (let i = 0; i < sequence.length - 1; i++) {
    const from = sequence[i]!;
    const to = sequence[i + 1]!;
    it(`${from} → ${to} is allowed when its checks are met`, () => {
      expect(planTransition(at(from), { kind: 'advance' }, complete, null)).toEqual({
        ok: true,
        from,
        to,
        resumeStage: null,
      });
    });
  }

  it('a closed review cannot move', () => {
    for (const kind of ['advance', 'pause', 'resume'] as const) {
      expect(planTransition(at('closed'), { kind } as never, complete, 'x')).toMatchObject({
        ok: false,
        reason: 'not_allowed',
      });
    }
  });

  it('refuses data collection without two lead reviewers and a research question, naming what is missing', () => {
    const plan = planTransition(
      at('commissioning'),
      { kind: 'advance' },
      { ...complete, leadReviewers: 1, researchQuestions: 0 },
      null,
    );
    expect(plan).toMatchObject({ ok: false, reason: 'checks_failed' });
    if (plan.ok) throw new Error('unreachable');
    expect(plan.unmet.map((c) => c.id)).toEqual(['research_question', 'two_lead_reviewers']);
    expect(plan.message).toContain('add two lead reviewers');
  });

  it('lists every check for data collection on an empty review', () => {
    expect(checksFor('data_collection', empty).filter((c) => !c.met)).toHaveLength(6);
  });

  it('refuses publication under an embargo', () => {
    const plan = planTransition(
      at('quality_assurance'),
      { kind: 'advance' },
      { ...complete, publicationEmbargoes: 1 },
      null,
    );
    expect(plan).toMatchObject({ ok: false, unmet: [{ id: 'no_embargo' }] });
  });

  it('refuses analysis without a case group', () => {
    expect(
      planTransition(at('data_collection'), { kind: 'advance' }, { ...complete, caseGroupMembers: 0 }, null),
    ).toMatchObject({ ok: false });
  });

  it('has no stage after closed', () => {
    expect(nextStage('closed')).toBeNull();
    expect(nextStage('paused')).toBeNull();
    expect(nextStage('analysis')).toBe('findings');
  });
});

describe('pausing and resuming', () => {
  it('pauses any active stage with a reason, and resumes there', () => {
    for (const stage of sequence.filter((s) => s !== 'closed')) {
      const plan = planTransition(at(stage), { kind: 'pause' }, complete, 'Criminal trial listed for March');
      expect(plan).toEqual({ ok: true, from: stage, to: 'paused', resumeStage: stage });
      expect(planTransition(at('paused', stage as ActiveStage), { kind: 'resume' }, empty, null)).toEqual({
        ok: true,
        from: 'paused',
        to: stage,
        resumeStage: null,
      });
    }
  });

  it('needs a reason to pause', () => {
    expect(planTransition(at('analysis'), { kind: 'pause' }, complete, '  ')).toMatchObject({
      ok: false,
      reason: 'reason_required',
    });
  });

  it('a paused review can only resume; a running one cannot resume', () => {
    expect(planTransition(at('paused', 'analysis'), { kind: 'advance' }, complete, null)).toMatchObject({
      ok: false,
    });
    expect(planTransition(at('paused', 'analysis'), { kind: 'pause' }, complete, 'x')).toMatchObject({
      ok: false,
    });
    expect(planTransition(at('analysis'), { kind: 'resume' }, complete, null)).toMatchObject({ ok: false });
  });
});

describe('going back', () => {
  it('returns to any earlier stage with a reason', () => {
    expect(
      planTransition(
        at('drafting'),
        { kind: 'return', to: 'analysis' },
        complete,
        'Case group challenged KPE 3',
      ),
    ).toMatchObject({
      ok: true,
      to: 'analysis',
    });
  });
  it('refuses going "back" to the same or a later stage, or without a reason', () => {
    expect(planTransition(at('analysis'), { kind: 'return', to: 'analysis' }, complete, 'x')).toMatchObject({
      ok: false,
    });
    expect(planTransition(at('analysis'), { kind: 'return', to: 'drafting' }, complete, 'x')).toMatchObject({
      ok: false,
    });
    expect(
      planTransition(at('analysis'), { kind: 'return', to: 'commissioning' }, complete, ''),
    ).toMatchObject({
      ok: false,
      reason: 'reason_required',
    });
  });
});
