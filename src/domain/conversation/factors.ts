/**
 * The contributory factor framework of the conversation structure (SCIE Guide 24, 2008, Appendices 3
 * and 5): nine groups, each with the factor types the guide lists where they are known.
 */
export const factorTaxonomyVersion = 'guide24-2008' as const;

export const factorGroups = {
  family: {
    label: 'Family',
    hint: 'Aspects of the family that shaped the worker’s thinking and action',
    types: [
      'Nature of the problems',
      'How long the problems had lasted',
      'Self-identified or labelled by others',
      'How the problems presented',
      'Willingness to engage',
      'Professional–family relationship',
      'Availability for meetings',
      'Number of children and significant adults',
      'Family dynamics',
      'Communication and language',
      'Social factors and history',
    ],
  },
  personal: {
    label: 'Personal (staff)',
    hint: 'Aspects of the person themselves',
    types: [
      'Knowledge, skills and expertise',
      'Mindset',
      'Human reasoning',
      'Attention (what else they were doing)',
      'Illness, tiredness or burnout',
      'Motivation',
      'Interactional style',
    ],
  },
  role: {
    label: 'Role',
    hint: 'Aspects of their role',
    types: ['How often they saw the family', 'Where contact took place', 'What their concerns focused on'],
  },
  conditions_of_work: {
    label: 'Conditions of work',
    hint: 'The working conditions at the time',
    types: [
      'Atmosphere around the case',
      'Staffing levels and skill mix',
      'Workload',
      'Timing (shifts, busy periods)',
      'Administrative support',
      'Managerial support',
      'IT',
    ],
  },
  own_team: {
    label: 'Own team',
    hint: 'Their own team',
    types: ['Getting help or advice', 'Supervision'],
  },
  inter_agency: {
    label: 'Inter-agency / inter-professional team',
    hint: 'Working with other agencies and professions',
    types: [],
  },
  organisational: {
    label: 'Organisational culture and management',
    hint: 'The organisation’s culture and management',
    types: [],
  },
  wider_political: {
    label: 'Wider political context',
    hint: 'National and local policy, funding and politics',
    types: [],
  },
  other: { label: 'Other', hint: 'Anything else that had an influence', types: [] },
} as const satisfies Record<string, { label: string; hint: string; types: readonly string[] }>;

export type FactorGroup = keyof typeof factorGroups;
export const factorGroupKeys = Object.keys(factorGroups) as [FactorGroup, ...FactorGroup[]];
