import { describe, expect, it } from 'vitest';
import { lineManagementFlags } from './participant.ts';

describe('lineManagementFlags', () => {
  const base = [
    {
      id: 'rt',
      role: 'review_team_member' as const,
      name: 'Head of Service',
      lineManagerParticipantId: null,
      active: true,
    },
    {
      id: 'cg',
      role: 'case_group_member' as const,
      name: 'Social worker',
      lineManagerParticipantId: 'rt',
      active: true,
    },
    { id: 'lr', role: 'lead_reviewer' as const, name: 'Lead', lineManagerParticipantId: null, active: true },
    {
      id: 'cg2',
      role: 'case_group_member' as const,
      name: 'Health visitor',
      lineManagerParticipantId: 'lr',
      active: true,
    },
  ];

  it('flags both people when a review team member line-manages a case group member', () => {
    const flags = lineManagementFlags(base);
    expect(flags.get('rt')?.[0]?.code).toBe('line_manages_case_group_member');
    expect(flags.get('cg')?.[0]?.message).toContain('Head of Service');
  });

  it('does not flag other line management or removed people', () => {
    const flags = lineManagementFlags(base);
    expect(flags.has('cg2')).toBe(false);
    expect(lineManagementFlags(base.map((p) => (p.id === 'rt' ? { ...p, active: false } : p))).size).toBe(0);
  });
});
