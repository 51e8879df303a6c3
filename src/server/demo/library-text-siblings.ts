import { FORMS_AND_TEMPLATES, INFORMATION_SHARING } from './analysis-episodes.ts';
import type { EarlierReview } from './library-text.ts';

/**
 * "Siblings K and L": long-standing neglect of two children whose father had depression, through a
 * child in need plan that changed hands often. Initiated in May 2024 and published in January 2025,
 * eight months later; the partnership is still monitoring its actions.
 */
export const siblingsKLReview: EarlierReview = {
  title: 'Siblings K and L',
  type: 'learning_review',
  variant: 'mid_range',
  stage: 'action_monitoring',
  purposeStatement:
    'To understand how agencies in Northbrook recognise neglect that builds up over years, and how a parent’s mental illness is taken into account in the children’s plan.',
  proportionalityRationale:
    'A mid-range learning review: the case did not meet the criteria for a local child safeguarding practice review, but the partnership judged the learning about long-term neglect to be significant.',
  decisionRationale:
    'The rapid review found recurring themes in long-term work with neglect that the partnership wanted to understand, although the criteria for a statutory review were not met.',
  scopeFrom: '2022-09-01',
  scopeTo: '2024-02-29',
  decisionDate: '2024-04-22',
  initiatedDate: '2024-05-13',
  publishedOn: '2025-01-20',
  closedOn: null,
  url: 'https://northbrook-scp.example/reviews/siblings-k-and-l',
  agencies: ['CSC', 'Mental health', 'GP', 'Education', 'Housing', 'Community health'],
  researchQuestions: [
    'How do agencies keep the history of neglect in view when a family’s plan lasts for years and changes hands?',
    'How do adult mental health services and children’s services work together when a parent is unwell?',
  ],
  register: [
    {
      category: 'child',
      realValue: 'Kayden Moss',
      variants: ['Kaydon Moss'],
      replacement: 'Child K',
      note: 'The older child, aged nine at the end of the scope.',
    },
    {
      category: 'child',
      realValue: 'Lacey Moss',
      variants: [],
      replacement: 'Child L',
      note: 'The younger child, aged four at the end of the scope.',
    },
    {
      category: 'family_member',
      realValue: 'Gareth Moss',
      variants: ['Gaz Moss'],
      replacement: 'Father',
      note: null,
    },
    {
      category: 'practitioner',
      realValue: 'Joanne Pyle',
      variants: ['Jo Pyle'],
      replacement: 'the care coordinator',
      note: 'The father’s care coordinator in the community mental health team.',
    },
  ],
  episodes: [
    {
      title: 'The child in need plan through four changes of social worker',
      periodFrom: '2023-01-09',
      periodTo: '2023-09-29',
      agencies: ['CSC', 'Housing', 'Education'],
      roles: ['Social worker', 'Team manager', 'Housing officer'],
      whatHappened:
        'The children’s child in need plan passed between four social workers in nine months, two of them agency staff. Each new worker began with a fresh assessment. The plan’s reviews recorded tasks completed, such as a repair request to the landlord and a nursery place taken up, as progress. Over the same months Child K’s school attendance fell to 81% and Child L’s dental decay went untreated. The chronology was not handed on; each worker read the most recent assessment.',
      localRationality:
        'Each social worker inherited a plan that seemed to be working: actions were being completed and the parents were polite and engaged. A new worker wanted to form their own view of the family, and the assessment template started from the present. The team had several vacancies, and handovers happened by case note.',
      appraisal: 'problematic',
      appraisalRationale:
        'The local neglect strategy expects plans to measure change in the children’s daily care against a baseline, and a chronology to travel with the case. Neither happened.',
      standardKind: 'procedure',
      standardReference:
        'Working Together to Safeguard Children (2023), chapter 3: children in need; Northbrook neglect strategy (2021)',
      hindsight:
        'Read as a whole, the nine months show a slow decline in the children’s care beneath a record of completed tasks.',
      wentWell: 'The housing repair was chased until it was done, and the nursery place was secured quickly.',
      goodPractice: false,
      status: 'case_group_checked',
      factors: [
        {
          group: 'conditions_of_work',
          factorType: 'Staffing levels and skill mix',
          description: 'High turnover and reliance on agency staff meant four workers in nine months.',
        },
        {
          group: 'own_team',
          factorType: 'Supervision',
          description:
            'Supervision reviewed the tasks on the plan rather than the history of the children’s care.',
        },
        {
          group: 'organisational',
          factorType: FORMS_AND_TEMPLATES,
          description:
            'The child in need review template recorded actions completed, not change for the child.',
        },
      ],
    },
    {
      title: 'Adult mental health care for the father',
      periodFrom: '2023-03-06',
      periodTo: '2023-07-21',
      agencies: ['Mental health', 'GP', 'CSC'],
      roles: ['Care coordinator', 'GP', 'Social worker'],
      whatHappened:
        'The father’s care coordinator in the community mental health team recorded that he lived with two children. The care plan addressed his mood and medication. Two missed appointments were followed up by letter. An invitation to a child in need meeting went to the team’s shared inbox and was not seen by the care coordinator before the meeting. Children’s social care did not learn that his depression had worsened over the spring.',
      localRationality:
        'The care coordinator’s role, caseload and supervision were about the adult. The children were known to children’s social care, which seemed to mean someone else was looking after their needs. Letters after missed appointments were the team’s usual practice.',
      appraisal: 'adequate',
      appraisalRationale:
        'The care met the trust’s standard for the adult. The joint protocol between adult mental health and children’s services expects contact with the children’s plan, which did not take place.',
      standardKind: 'procedure',
      standardReference:
        'Northbrook joint protocol: adult mental health and children’s services (2020); SCIE Think child, think parent, think family',
      hindsight:
        'The worsening of the father’s depression matched the months when the children’s care declined most.',
      wentWell: 'The care coordinator kept in regular contact and adjusted the father’s medication promptly.',
      goodPractice: false,
      status: 'case_group_checked',
      factors: [
        {
          group: 'role',
          factorType: 'What their concerns focused on',
          description: 'The care plan centred on the father’s mood and medication.',
        },
        {
          group: 'inter_agency',
          factorType: INFORMATION_SHARING,
          description:
            'Invitations to children’s plans went to a shared team inbox, not to the care coordinator.',
        },
        {
          group: 'conditions_of_work',
          factorType: 'Workload',
          description: 'Care coordinators held around 35 patients each, above the trust’s aim of 28.',
        },
      ],
    },
    {
      title: 'The school’s use of the neglect screening tool',
      periodFrom: '2023-10-02',
      periodTo: '2023-11-24',
      agencies: ['Education', 'Community health', 'CSC'],
      roles: ['Designated safeguarding lead', 'School nurse', 'Attendance officer'],
      whatHappened:
        'The school’s new designated safeguarding lead used the partnership’s neglect screening tool with the class teacher, the school nurse, the attendance officer and lunchtime staff. Their separate observations of hunger, clothing, tiredness and lateness became one record of Child K’s daily care over six weeks, including what Child K said about mealtimes at home. The designated safeguarding lead escalated under the partnership’s escalation policy, and a strategy discussion was held within a week.',
      localRationality:
        'New to the school and to the family, the designated safeguarding lead saw the home conditions without the history of small improvements. The tool gave a structure for gathering what colleagues had noticed and the confidence to escalate.',
      appraisal: 'good',
      appraisalRationale:
        'The practice went beyond the expected standard: evidence gathered from several staff, the child’s own words recorded, and escalation used as the policy intends.',
      standardKind: 'procedure',
      standardReference:
        'Northbrook neglect strategy (2021) and escalation policy; Keeping Children Safe in Education (2023)',
      hindsight: '',
      wentWell: 'The whole school staff contributed, and Child K’s own account was part of the referral.',
      goodPractice: true,
      status: 'case_group_checked',
      factors: [
        {
          group: 'organisational',
          factorType: FORMS_AND_TEMPLATES,
          description: 'The neglect screening tool gathered many small observations into one picture.',
        },
        {
          group: 'personal',
          factorType: 'Knowledge, skills and expertise',
          description: 'The designated safeguarding lead had been trained in the tool in the previous term.',
        },
        {
          group: 'own_team',
          factorType: 'Getting help or advice',
          description: 'The headteacher supported the escalation and gave time to complete the tool.',
        },
      ],
    },
  ],
  findings: [
    {
      statement:
        'When a child in need plan passes between social workers, each new worker starts a fresh assessment and reviews count the tasks completed, so no one holds the history of long-standing neglect and the children’s daily experience drifts out of the plan.',
      typologyCode: 'management_systems',
      polarity: 'risk',
      themes: ['neglect'],
      episodes: [1],
      howItShowed:
        'In episode 1 the plan passed between four social workers in nine months, two of them agency staff, and each began with a new assessment. The reviews recorded tasks completed as progress while Child K’s attendance fell and Child L’s dental decay went untreated. The chronology did not travel with the case.',
      prevalenceSources: ['data', 'review_team', 'audit'],
      prevalenceEvidence:
        'Workforce data for 2023 show turnover of 24% among social workers in the children in need teams, with about a third of posts filled by agency staff. An audit by children’s social care of 30 child in need plans open for more than a year found 19 had changed social worker at least twice, and in 16 the review recorded progress as actions completed without saying what had changed for the child.',
      currency: 'partly',
      currencyNote:
        'Turnover has fallen since the period under review; the review template is being revised.',
      whyItMatters:
        'Neglect is recognised over time, from an accumulation of small things. When the person holding the case changes often and each starts again, the accumulation is lost, and a review that counts tasks can report progress while the children’s experience stays the same. This will affect any family whose plan lasts long enough to change hands.',
      boardQuestions: [
        'What does the board know about how often children on long child in need plans change social worker, and what travels with the case?',
        'Is the board satisfied that child in need reviews measure what has changed for the child, rather than what has been done?',
      ],
      priority: 'high',
    },
    {
      statement:
        'Adult mental health services record whether a patient has children but have no routine for asking what the parent’s illness means for the children day to day, or for taking part in the children’s plan, so each service sees only its part of the family.',
      typologyCode: 'longer_term',
      polarity: 'risk',
      themes: ['parental_mental_health', 'information_sharing', 'neglect'],
      episodes: [2],
      howItShowed:
        'In episode 2 the care coordinator for Gareth Moss recorded that he lived with two children, and the care plan addressed his mood and medication. An invitation to a child in need meeting went to the team’s shared inbox and was not seen before the meeting, and children’s social care did not learn that his depression had worsened over the spring.',
      prevalenceSources: ['review_team', 'audit', 'case_group'],
      prevalenceEvidence:
        'The review team member for the mental health trust said its assessment asks whether the patient has children, and nothing follows from the answer unless the clinician acts on it. An audit of 25 care plans of parents with children under 16 found the children mentioned in 7. Practitioners in the case group from both services said they rarely speak to each other outside a crisis.',
      currency: 'partly',
      currencyNote:
        'The trust added a question about the children’s daily care to its care plan template in 2025; invitations still go to team inboxes.',
      whyItMatters:
        'A parent’s mental illness can be the main thing shaping the care a child receives, and the adult’s clinician may know more about it than anyone working with the children. Without a routine that links the two, children’s services plan without that knowledge and adult services treat the illness without asking what it means for the children.',
      boardQuestions: [
        'How does the board know whether adult mental health services take part in the plans of the children of the parents they treat?',
        'Is the board satisfied that invitations to children’s plans reach the clinician who knows the parent?',
      ],
      priority: 'high',
    },
    {
      statement:
        'The partnership’s neglect screening tool helps a school bring together what different staff have noticed into one picture of a child’s daily care, which makes a clear, evidenced referral more likely.',
      typologyCode: 'tools',
      polarity: 'strength',
      themes: ['neglect', 'voice_of_the_child'],
      episodes: [3],
      howItShowed:
        'In episode 3 the new designated safeguarding lead used the tool with the class teacher, the school nurse, the attendance officer and lunchtime staff. Their separate observations became one record of Child K’s daily care over six weeks, with Child K’s own words about mealtimes, and the escalation led to a strategy discussion within a week.',
      prevalenceSources: ['data', 'review_team'],
      prevalenceEvidence:
        'Education data show 38 of Northbrook’s 64 primary schools used the tool in 2023. Front door data for 2023 show that 71% of school referrals about neglect that used the tool led to an assessment, against 44% of those that did not.',
      currency: 'current',
      currencyNote: 'Training continues; not every school has a trained lead.',
      whyItMatters:
        'Neglect shows in small observations spread across many people, none enough on its own. A tool that gathers them gives the child’s daily experience a place in the referral and gives the professional confidence to escalate. Its benefit depends on training and on a lead with time to use it.',
      boardQuestions: [
        'Is the board satisfied that every school has a lead trained in the neglect screening tool?',
        'How could other settings that see children daily, such as nurseries, use the same approach?',
      ],
      priority: 'medium',
    },
    {
      statement:
        'Professionals who know a family over a long time tend to compare each visit with the last rather than with what the children need, so slow decline and small improvements can both look like progress.',
      typologyCode: 'human_reasoning',
      polarity: 'risk',
      themes: ['neglect', 'professional_curiosity'],
      episodes: [1, 3],
      howItShowed:
        'In episode 1 each visit recorded the home as improved or similar to the last visit, and a tidied kitchen after a housing repair was read as a turning point. In episode 3 the school’s new designated safeguarding lead, who did not know the family, described the same home conditions and Child L’s teeth as neglect that had lasted a long time.',
      prevalenceSources: ['case_group', 'review_team', 'research'],
      prevalenceEvidence:
        'Practitioners in the case group from social care, health and education recognised the pattern from their own work with families known for years. The review team member for children’s social care said the neglect strategy’s baseline measure is rarely revisited after the first assessment. National analyses of serious case reviews describe the same drift in long-term work with neglect.',
      currency: 'current',
      currencyNote: 'Unchanged; a baseline review at six-monthly intervals is in the action plan.',
      whyItMatters:
        'Comparing today with last time is how anyone judges change. In neglect, where change is slow, it means the standard moves with the family. Without a fixed baseline, or a fresh pair of eyes at intervals, the system depends on someone new arriving to see what has become normal.',
      boardQuestions: [
        'How does the board know that long-term plans for neglect are measured against a baseline of the children’s needs?',
        'Is the board satisfied that practitioners have regular chances for someone new to a family to look at it afresh?',
      ],
      priority: 'medium',
    },
  ],
  actions: [
    {
      finding: 1,
      description:
        'Hand over child in need plans at a joint visit, with a chronology and the baseline of the children’s needs travelling with the case.',
      owner: 'CSC',
      ownerName: 'Head of children in need services',
      dueOn: '2025-04-30',
      successMeasure: 'An audit finds a chronology on file at handover in 9 in 10 transferred plans.',
      status: 'done',
      completedOn: '2025-04-11',
    },
    {
      finding: 2,
      description:
        'Send invitations to children’s plans to the named clinician, and add the children’s daily care to the care plan review.',
      owner: 'Mental health',
      ownerName: 'Associate director of nursing, safeguarding',
      dueOn: '2025-06-30',
      successMeasure: 'The children are described in 8 in 10 care plans of parents with children under 16.',
      status: 'in_progress',
      progressNote:
        'The care plan template has changed; routing invitations to named clinicians waits for a change to the trust’s records system.',
    },
    {
      finding: 3,
      description: 'Train a lead in the neglect screening tool in every primary school.',
      owner: 'Education',
      ownerName: 'Education safeguarding adviser',
      dueOn: '2025-09-30',
      successMeasure: 'Every primary school has a trained lead.',
      status: 'impact_verified',
      completedOn: '2025-07-18',
      impactEvidenceKind: 'feedback',
      impactEvidence:
        'All 64 primary schools have a trained lead; in the autumn survey designated safeguarding leads said the tool made escalation easier in 41 of 52 replies.',
    },
  ],
};
