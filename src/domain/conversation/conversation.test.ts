import { describe, expect, it } from 'vitest';
import { byRank, conversationContent, recordConversationInput } from './conversation.ts';
import { searchText } from './search-text.ts';

const factor = (rank: number, group = 'conditions_of_work') => ({
  group,
  description: 'Workload was high',
  rank,
});

describe('conversation content', () => {
  it('fills defaults and the taxonomy version', () => {
    const c = conversationContent.parse({});
    expect(c).toMatchObject({ factorTaxonomyVersion: 'guide24-2008', turningPoints: [], wentWell: '' });
  });

  it('refuses duplicate ranks, naming the later factor', () => {
    const r = conversationContent.safeParse({ contributoryFactors: [factor(1), factor(2), factor(1)] });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['contributoryFactors.2.rank']);
  });

  it('refuses an unknown group, a bad rank and a factor type from another group', () => {
    const r = conversationContent.safeParse({
      contributoryFactors: [
        factor(1, 'astrology'),
        factor(0),
        { group: 'role', factorType: 'Workload', description: 'x', rank: 3 },
      ],
    });
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'contributoryFactors.0.group',
      'contributoryFactors.1.rank',
      'contributoryFactors.2.factorType',
    ]);
  });

  it('sorts factors by rank', () => {
    expect(byRank([factor(3), factor(1), factor(2)]).map((f) => f.rank)).toEqual([1, 2, 3]);
  });

  it('refuses recording audio without consent', () => {
    const r = recordConversationInput.safeParse({
      participantId: '0b7b5c1e-1f5e-4a43-9a6c-3c1f2a0e4d11',
      consentGiven: false,
      audioRecorded: true,
    });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['audioRecorded']);
  });
});

describe('searchText', () => {
  it('joins every section in reading order, factors by rank', () => {
    const c = conversationContent.parse({
      roleAndInvolvement: 'Health visitor',
      turningPoints: [
        {
          title: 'Home visit',
          when: 'March',
          description: 'Saw bruise',
          localRationality: { optionsSeen: 'Refer' },
        },
      ],
      contributoryFactors: [factor(2), { group: 'family', description: 'Hostile father', rank: 1 }],
      wentWell: 'Quick referral',
      overviewQueries: [{ query: 'Why no strategy meeting?' }],
      suggestedChanges: 'Shared records',
    });
    expect(searchText(c, [{ question: 'Who supervised?', answer: '' }])).toBe(
      [
        'Health visitor',
        'Home visit',
        'March',
        'Saw bruise',
        'Refer',
        'Family',
        'Hostile father',
        'Conditions of work',
        'Workload was high',
        'Quick referral',
        'Why no strategy meeting?',
        'Shared records',
        'Who supervised?',
      ].join('\n'),
    );
  });
});
