import { describe, expect, it } from 'vitest';
import {
  buildCausalMap,
  caseGroupMaySee,
  type EpisodeFacts,
  isPermutation,
  moveToRank,
  nextStatus,
  unmetForStatus,
} from './rules.ts';

const complete: EpisodeFacts = {
  status: 'draft',
  whatHappened: 'A strategy discussion by telephone',
  localRationality: 'The family had engaged well',
  appraisal: 'adequate',
  appraisalRationale: 'The procedure allows a telephone discussion',
  sharedWithCaseGroup: false,
  openComments: 0,
};

describe('episode statuses', () => {
  it('lets the review team agree a complete episode', () => {
    expect(unmetForStatus(complete, 'review_team_agreed')).toEqual([]);
  });

  it('names each missing part before the review team can agree it', () => {
    const empty = {
      ...complete,
      whatHappened: ' ',
      localRationality: '',
      appraisal: null,
      appraisalRationale: '',
    };
    expect(unmetForStatus(empty, 'review_team_agreed')).toEqual([
      'Write what happened',
      'Write how it looked at the time',
      'Choose an appraisal of the practice',
      'Give the reasons for the appraisal',
    ]);
  });

  it('needs agreement, sharing and every comment resolved before the case group check', () => {
    expect(unmetForStatus({ ...complete, openComments: 2 }, 'case_group_checked')).toEqual([
      'The review team must agree the episode first',
      'Share the episode with the case group',
      'Resolve the case group’s comments (2 open)',
    ]);
    const ready = { ...complete, status: 'review_team_agreed' as const, sharedWithCaseGroup: true };
    expect(unmetForStatus(ready, 'case_group_checked')).toEqual([]);
  });

  it('always allows going back to draft, and steps forward one at a time', () => {
    expect(unmetForStatus({ ...complete, whatHappened: '' }, 'draft')).toEqual([]);
    expect(nextStatus('draft')).toBe('review_team_agreed');
    expect(nextStatus('review_team_agreed')).toBe('case_group_checked');
    expect(nextStatus('case_group_checked')).toBeNull();
  });
});

describe('what the case group sees', () => {
  const episode = { sharedWithCaseGroup: true, agencyIds: ['police'], roles: ['Health visitor'] };
  const officer = { agencyId: 'police', jobTitle: 'Police constable' };
  const visitor = { agencyId: 'health', jobTitle: ' health visitor ' };
  const teacher = { agencyId: 'school', jobTitle: 'Teacher' };

  it('shows nothing that is not shared, whatever the scope', () => {
    const unshared = { ...episode, sharedWithCaseGroup: false };
    expect(caseGroupMaySee(unshared, officer, 'involved')).toBe(false);
    expect(caseGroupMaySee(unshared, officer, 'all')).toBe(false);
  });

  it('shows a shared episode to those whose agency or role it involves', () => {
    expect(caseGroupMaySee(episode, officer, 'involved')).toBe(true);
    expect(caseGroupMaySee(episode, visitor, 'involved')).toBe(true);
    expect(caseGroupMaySee(episode, teacher, 'involved')).toBe(false);
    expect(caseGroupMaySee(episode, { agencyId: null, jobTitle: null }, 'involved')).toBe(false);
  });

  it('shows every shared episode when the lead reviewers choose so', () => {
    expect(caseGroupMaySee(episode, teacher, 'all')).toBe(true);
  });
});

describe('ordering', () => {
  it('moves an item to a rank and closes up the others', () => {
    expect(moveToRank(['a', 'b', 'c', 'd'], 'd', 1)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveToRank(['a', 'b', 'c', 'd'], 'a', 3)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveToRank(['a', 'b'], 'c', 99)).toEqual(['a', 'b', 'c']);
    expect(moveToRank(['a', 'b'], 'b', 0)).toEqual(['b', 'a']);
  });

  it('accepts a new order only if it names every item once', () => {
    expect(isPermutation(['a', 'b', 'c'], ['c', 'a', 'b'])).toBe(true);
    expect(isPermutation(['a', 'b', 'c'], ['c', 'a'])).toBe(false);
    expect(isPermutation(['a', 'b', 'c'], ['c', 'a', 'a'])).toBe(false);
    expect(isPermutation(['a', 'b'], ['a', 'x'])).toBe(false);
  });
});

describe('the causal map', () => {
  const episodes = [
    { id: 'e1', number: 1, title: 'Referral', appraisal: 'good', appraisalLabel: 'Good', agencyIds: ['csc'] },
    { id: 'e2', number: 2, title: 'Call-out', appraisal: null, appraisalLabel: null, agencyIds: ['police'] },
  ];
  const workload = { group: 'conditions_of_work', groupLabel: 'Conditions of work', factorType: 'Workload' };
  const factors = [
    { ...workload, episodeId: 'e1', description: 'Thirty cases' },
    { ...workload, episodeId: 'e2', description: 'A busy night shift' },
    { ...workload, episodeId: 'e2', description: 'Two officers off sick' },
    {
      episodeId: 'e2',
      group: 'family',
      groupLabel: 'Family',
      factorType: null,
      description: 'Hostile at the door',
    },
  ];
  const findings = [
    { id: 'f1', number: 1, statement: 'Caseloads crowd out visits', episodeIds: ['e1', 'e2'] },
  ];

  it('joins a factor type shared by several episodes into one node, each edge in the episode’s own words', () => {
    const map = buildCausalMap({ episodes, factors, findings }, {});
    expect(map.nodes.map((n) => n.id)).toEqual([
      'episode:e1',
      'episode:e2',
      'factor:conditions_of_work:workload',
      'factor:family:hostile at the door',
      'finding:f1',
    ]);
    expect(map.nodes.find((n) => n.id === 'episode:e2')?.detail).toBe('Not yet appraised');
    expect(map.edges).toEqual([
      {
        from: 'factor:conditions_of_work:workload',
        to: 'episode:e1',
        kind: 'influenced',
        detail: 'Thirty cases',
      },
      {
        from: 'factor:conditions_of_work:workload',
        to: 'episode:e2',
        kind: 'influenced',
        detail: 'A busy night shift; Two officers off sick',
      },
      {
        from: 'factor:family:hostile at the door',
        to: 'episode:e2',
        kind: 'influenced',
        detail: 'Hostile at the door',
      },
      { from: 'episode:e1', to: 'finding:f1', kind: 'supports', detail: null },
      { from: 'episode:e2', to: 'finding:f1', kind: 'supports', detail: null },
    ]);
  });

  it('keeps only one agency’s episodes and one group’s factors when filtered', () => {
    const byAgency = buildCausalMap({ episodes, factors, findings }, { agencyId: 'police' });
    expect(byAgency.nodes.filter((n) => n.kind === 'episode').map((n) => n.id)).toEqual(['episode:e2']);
    expect(byAgency.edges.filter((e) => e.kind === 'supports')).toHaveLength(1);
    const byGroup = buildCausalMap({ episodes, factors, findings }, { group: 'family' });
    expect(byGroup.nodes.filter((n) => n.kind === 'factor').map((n) => n.id)).toEqual([
      'factor:family:hostile at the door',
    ]);
  });

  it('leaves out findings none of the shown episodes support', () => {
    const map = buildCausalMap({ episodes, factors, findings }, { agencyId: 'nobody' });
    expect(map.nodes).toEqual([]);
    expect(map.edges).toEqual([]);
  });
});
