import { INFORMATION_SHARING } from './analysis-episodes.ts';
import type { EarlierReview } from './library-text.ts';

/**
 * "Child R": a seven-year-old hurt during a domestic incident, after repeated police call-outs that
 * the school and the health visitor did not hear about. Initiated in March 2023 and published at the
 * end of August, within six months.
 */
export const childRReview: EarlierReview = {
  title: 'Child R',
  type: 'lcspr',
  variant: 'focused',
  stage: 'closed',
  purposeStatement:
    'To understand how information about domestic abuse reaches the professionals who see a child most often, and how children and adult victims are helped to say what is happening at home.',
  proportionalityRationale:
    'A focused review built around a learning event: the agencies involved were few, the question was clear and the partnership wanted the learning quickly.',
  decisionRationale:
    'Meets the criteria for a local child safeguarding practice review: serious harm to a child where domestic abuse was known, and questions about how information was shared.',
  scopeFrom: '2022-06-01',
  scopeTo: '2023-01-20',
  decisionDate: '2023-02-20',
  initiatedDate: '2023-03-06',
  publishedOn: '2023-08-31',
  closedOn: '2024-07-12',
  url: 'https://northbrook-scp.example/reviews/child-r',
  agencies: ['Police', 'CSC', 'Education', 'Community health', 'Family Lifeline'],
  researchQuestions: [
    'How do the professionals who see a child most often learn that there has been domestic abuse at home?',
    'What helps a child or an adult victim to say what is happening at home, and to whom?',
  ],
  register: [
    {
      category: 'child',
      realValue: 'Riley Marsh',
      variants: [],
      replacement: 'Child R',
      note: 'The subject of the review.',
    },
    {
      category: 'family_member',
      realValue: 'Chloe Marsh',
      variants: [],
      replacement: 'Mother',
      note: null,
    },
    {
      category: 'family_member',
      realValue: 'Dean Colbeck',
      variants: ['Deano'],
      replacement: 'the mother’s partner',
      note: 'Lived with the family for most of the period; not Child R’s father.',
    },
    {
      category: 'school',
      realValue: 'Hollins Lane Primary School',
      variants: ['Hollins Lane Primary', 'Hollins Lane'],
      replacement: 'the school',
      note: null,
    },
  ],
  episodes: [
    {
      title: 'Police attendance at domestic incidents over ten weeks',
      periodFrom: '2022-09-03',
      periodTo: '2022-11-12',
      agencies: ['Police', 'CSC'],
      roles: ['Police constable', 'Social worker at the front door'],
      whatHappened:
        'Police attended the family home four times in ten weeks: three times after neighbours reported shouting and once after Child R rang 999. Officers completed a risk assessment at each call-out, graded standard three times and medium once, and sent a notification to the children’s social care front door, the one recipient the notification form allowed. The front door signposted the mother to the domestic abuse outreach service after the third notification and took no further action on the others.',
      localRationality:
        'Officers saw each incident as recorded and passed on to the agency responsible for children. At the front door each notification arrived on its own, graded standard or medium, with the partner said to have left. Signposting to a specialist service looked like a proportionate offer of help.',
      appraisal: 'mixed',
      appraisalRationale:
        'Police practice met the expected standard at each call-out. The information sharing protocol of the time named children’s social care as the recipient and did not provide for schools or health visitors to be told.',
      standardKind: 'guidance',
      standardReference:
        'College of Policing Authorised Professional Practice on domestic abuse; Northbrook information sharing protocol (2019)',
      hindsight:
        'The four call-outs, read together, show incidents becoming more frequent through the autumn. Each was read alone at the time.',
      wentWell:
        'Officers recorded where Child R was and how Child R seemed at every call-out, and spoke with Child R after the 999 call.',
      goodPractice: false,
      status: 'case_group_checked',
      factors: [
        {
          group: 'conditions_of_work',
          factorType: 'IT',
          description:
            'The notification form sent each incident to the children’s social care front door and nowhere else.',
        },
        {
          group: 'inter_agency',
          factorType: INFORMATION_SHARING,
          description: 'The information sharing protocol did not include schools or health visitors.',
        },
        {
          group: 'personal',
          factorType: 'Human reasoning',
          description:
            'Each incident was risk-assessed on its own, so a rising frequency did not change the grading.',
        },
      ],
    },
    {
      title: 'What the school and the health visitor saw in the same weeks',
      periodFrom: '2022-09-12',
      periodTo: '2022-11-30',
      agencies: ['Education', 'Community health'],
      roles: ['Class teacher', 'Designated safeguarding lead', 'Health visitor'],
      whatHappened:
        'The class teacher noticed that Child R was tired, withdrawn and often late, and told the designated safeguarding lead, who spoke to the mother at the school gate. The mother said the family were under strain with a new baby. The school recorded the concern and decided to monitor. The health visitor, visiting Child R’s baby brother at home, asked the routine question about domestic abuse while the mother’s partner was in the room; the mother said there were no concerns.',
      localRationality:
        'Neither professional knew of the police call-outs. A tired child and a tired mother with a new baby made sense together, and the mother’s explanation was ordinary and believable. The health visitor’s visit was about the baby, and the partner was at home at every visit.',
      appraisal: 'adequate',
      appraisalRationale:
        'The school acted on what it saw and kept a record. National guidance advises asking about domestic abuse only when the person is alone; the visit record does not show why that was not possible.',
      standardKind: 'guidance',
      standardReference:
        'Keeping Children Safe in Education (2022); NICE guideline PH50, Domestic violence and abuse: multi-agency working (2014)',
      hindsight:
        'The call-outs known to police would have changed how both professionals read what they saw.',
      wentWell: 'The class teacher noticed small changes and passed them on the same day.',
      goodPractice: false,
      status: 'case_group_checked',
      factors: [
        {
          group: 'family',
          factorType: 'Family dynamics',
          description: 'The mother’s partner was present at every home visit.',
        },
        {
          group: 'role',
          factorType: 'What their concerns focused on',
          description:
            'The health visitor’s contact was about the baby; the school’s was about attendance and learning.',
        },
        {
          group: 'inter_agency',
          factorType: INFORMATION_SHARING,
          description: 'Neither the school nor the health visitor had been told of the police call-outs.',
        },
      ],
    },
    {
      title: 'Outreach support from the domestic abuse service',
      periodFrom: '2022-11-20',
      periodTo: '2023-01-10',
      agencies: ['Family Lifeline', 'Police'],
      roles: ['Domestic abuse outreach worker', 'Police officer, risk assessment conference coordinator'],
      whatHappened:
        'The outreach worker met the mother three times at a children’s centre. At the second meeting she described incidents the police had not been called to. The outreach worker’s risk assessment was graded high and a referral to the multi-agency risk assessment conference was made within two days. The conference met monthly, and its next meeting was three weeks away.',
      localRationality:
        'Meeting away from the home gave the mother a safe place to talk. The outreach worker followed the high-risk pathway, which ran through the monthly conference.',
      appraisal: 'good',
      appraisalRationale:
        'The practice met and went beyond the expected standard: a safe setting, a full risk assessment and a prompt referral.',
      standardKind: 'professional_standard',
      standardReference:
        'SafeLives practice standards for domestic abuse services; Northbrook conference protocol',
      hindsight: 'Child R was hurt before the conference met.',
      wentWell: 'A trusting relationship built over a few weeks, and a prompt referral.',
      goodPractice: true,
      status: 'case_group_checked',
      factors: [
        {
          group: 'role',
          factorType: 'Where contact took place',
          description: 'Contact away from the home, without the partner, made it safe to talk.',
        },
        {
          group: 'personal',
          factorType: 'Interactional style',
          description:
            'The outreach worker listened without assessing, and the mother described feeling believed.',
        },
        {
          group: 'conditions_of_work',
          factorType: 'Timing (shifts, busy periods)',
          description: 'The risk assessment conference met monthly, so a referral could wait weeks.',
        },
      ],
    },
  ],
  findings: [
    {
      statement:
        'Police reports of domestic abuse call-outs do not reliably reach the health visitor or the school, so professionals assess risk without knowing about repeated incidents.',
      typologyCode: 'incidents_crises',
      polarity: 'risk',
      themes: ['domestic_abuse', 'information_sharing'],
      episodes: [1, 2],
      howItShowed:
        'In episode 1 police attended four domestic incidents at the family home in ten weeks, one after Child R rang 999, and sent a notification after each to the children’s social care front door, the one recipient the notification form allowed. In episode 2, in the same weeks, the school noticed that Child R was tired, withdrawn and often late, and the health visitor visited the baby. Neither knew of the call-outs, and each weighed what they saw against the mother’s account of a family under strain from a new baby.',
      prevalenceSources: ['data', 'review_team', 'audit'],
      prevalenceEvidence:
        'Police data for 2022 show about 3,100 domestic abuse incidents in Northbrook where a child lived in the household, each notified to the front door only. The review team members for education and community health said schools and health visitors learn of incidents from the family or from children’s social care, if at all. An audit of 20 primary school safeguarding files for children known to police for domestic abuse found the school aware of the most recent incident in 5.',
      currency: 'current',
      currencyNote: 'Unchanged when the review was published; next-day notification is in the action plan.',
      whyItMatters:
        'Children who live with domestic abuse are seen most days by their school and, when young, regularly by a health visitor. These professionals are well placed to notice the effect on a child and to offer support, but only if they know what has happened. When notifications go to one agency, the people who see the child explain what they see without the most important fact, and a run of incidents looks like a family under ordinary strain.',
      boardQuestions: [
        'Is the board satisfied that schools and health visitors learn of a domestic abuse call-out at a child’s home by the next working day?',
        'How would the board know how often the professionals who see a child most learn of incidents from the police rather than from the family?',
      ],
      priority: 'high',
    },
    {
      statement:
        'Routine questions about domestic abuse are often asked at home with a partner present, and children’s own accounts of home life are seldom sought apart from their parents, so the people best placed to say what is happening have little safe chance to say it.',
      typologyCode: 'family_professional',
      polarity: 'risk',
      themes: ['domestic_abuse', 'voice_of_the_child'],
      episodes: [2, 3],
      howItShowed:
        'In episode 2 the health visitor asked the routine question about domestic abuse at a home visit while Dean Colbeck was in the room; the mother said there were no concerns, and the record shows the question as asked. The designated safeguarding lead spoke to the mother about Child R’s tiredness at the school gate, and Child R was not asked on their own what home was like. In episode 3 the mother first described the incidents when she met the outreach worker at a children’s centre, away from home.',
      prevalenceSources: ['audit', 'case_group', 'research'],
      prevalenceEvidence:
        'Community health’s audit of 40 records where the routine enquiry was made found 17 that did not show whether the parent was alone, and 9 that showed another adult present. Practitioners in the case group described home visits where the partner was always there, and school staff said conversations about a child’s behaviour usually happen with the parent. NICE guideline PH50 advises asking only when the person is alone.',
      currency: 'partly',
      currencyNote:
        'Health visiting now records whether the parent was seen alone; schools have no equivalent prompt.',
      whyItMatters:
        'A question about abuse asked in front of the person causing it cannot be answered safely, yet the record shows it as answered and the answer reassures the next reader. Children are often the only witnesses, and without a routine to hear them apart from their parents, the system depends on adults saying what they may be too frightened to say.',
      boardQuestions: [
        'How does the board know whether routine questions about domestic abuse are asked when the parent is alone?',
        'What helps schools and health services hear a child’s own account of home, apart from the parent?',
      ],
      priority: 'high',
    },
    {
      statement:
        'When the domestic abuse outreach service works alongside a family’s other professionals, mothers have a safe route to describe what is happening, and the risk assessment rests on incidents the police were never called to.',
      typologyCode: 'longer_term',
      polarity: 'strength',
      themes: ['domestic_abuse', 'information_sharing'],
      episodes: [3],
      howItShowed:
        'In episode 3 the outreach worker met the mother at a children’s centre. She described incidents no agency had recorded, and the outreach worker’s risk assessment was graded high where each police assessment had been standard or medium. The referral to the multi-agency risk assessment conference followed within two days; the conference met monthly, and its next meeting was three weeks away.',
      prevalenceSources: ['data', 'review_team'],
      prevalenceEvidence:
        'The outreach service’s figures for 2022 show about two in five of its referrals to the risk assessment conference describe incidents not reported to police. The review team member for children’s social care said the service is a regular member of plans for families it already supports, but referral to it depends on a practitioner thinking of it.',
      currency: 'current',
      currencyNote: 'The service continues; its funding was renewed for two years in 2023.',
      whyItMatters:
        'Specialist outreach offers what statutory services find hard: time with a victim away from home, in a relationship that is not about assessment. It brings into view the incidents that never reach the police. Because referral depends on individual practitioners and the funding is short-term, this strength is easily lost.',
      boardQuestions: [
        'Is the board satisfied that practitioners know of the outreach service and refer to it early?',
        'How does the board make sure that families at high risk are not left waiting for the next monthly risk assessment conference?',
      ],
      priority: 'medium',
    },
  ],
  actions: [
    {
      finding: 1,
      description:
        'Notify the child’s school and health visitor of a domestic abuse call-out by the start of the next school day.',
      owner: 'Police',
      ownerName: 'Detective chief inspector, public protection',
      dueOn: '2023-12-31',
      successMeasure: 'Nine in ten notifications reach the school by the start of the next school day.',
      status: 'impact_verified',
      completedOn: '2023-11-30',
      impactEvidenceKind: 'data',
      impactEvidence:
        'Police data for January to March 2024 show 94% of notifications reached the school by the start of the next school day, and 88% reached the health visitor within one working day.',
    },
    {
      finding: 2,
      description:
        'Ask the routine question about domestic abuse only when the parent is alone, and record when that was not possible and what was arranged instead.',
      owner: 'Community health',
      ownerName: 'Named nurse for safeguarding',
      dueOn: '2024-03-31',
      successMeasure: 'An audit finds whether the parent was alone recorded in 9 in 10 enquiries.',
      status: 'done',
      completedOn: '2024-02-16',
    },
    {
      finding: 3,
      description:
        'Make the domestic abuse outreach service a standing member of the team around the family where domestic abuse is known.',
      owner: 'Family Lifeline',
      ownerName: 'Service manager, domestic abuse outreach',
      dueOn: '2024-06-30',
      successMeasure: 'The outreach service is invited to every plan where domestic abuse is recorded.',
      status: 'done',
      completedOn: '2024-06-03',
    },
  ],
};
