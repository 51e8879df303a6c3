import { FORMS_AND_TEMPLATES, INFORMATION_SHARING } from './analysis-episodes.ts';
import type { EarlierReview } from './library-text.ts';

/**
 * "Child P": a baby who died at ten weeks while sleeping on a sofa with a parent. Initiated in
 * February 2022 and published at the end of September, about seven and a half months later.
 */
export const childPReview: EarlierReview = {
  title: 'Child P',
  type: 'lcspr',
  variant: 'full',
  stage: 'closed',
  purposeStatement:
    'To understand how agencies in Northbrook help parents and other carers to keep a baby safe when sleeping, and how what one agency knows about a parent reaches those working with the baby.',
  proportionalityRationale:
    'A full review: maternity, health visiting, general practice and probation were each involved, and the learning about safer sleep is likely to apply across the area.',
  decisionRationale:
    'Meets the criteria for a local child safeguarding practice review: the sudden unexpected death of an infant, with questions about how agencies worked together.',
  scopeFrom: '2021-01-04',
  scopeTo: '2021-08-14',
  decisionDate: '2021-10-18',
  initiatedDate: '2022-02-14',
  publishedOn: '2022-09-30',
  closedOn: '2023-09-29',
  url: 'https://northbrook-scp.example/reviews/child-p',
  agencies: ['Acute', 'Community health', 'GP', 'Probation'],
  researchQuestions: [
    'How do professionals talk with both parents about safe sleep, and how is the advice kept up to date as a family’s circumstances change?',
    'How does what probation knows about a father reach the professionals supporting his baby?',
  ],
  register: [
    {
      category: 'child',
      realValue: 'Poppy Ashdown',
      variants: ['Poppy-Mae Ashdown'],
      replacement: 'Child P',
      note: 'The subject of the review.',
    },
    {
      category: 'family_member',
      realValue: 'Shannon Ashdown',
      variants: ['Shan Ashdown'],
      replacement: 'Mother',
      note: null,
    },
    {
      category: 'family_member',
      realValue: 'Liam Treharne',
      variants: ['Liam Trehearne'],
      replacement: 'Father',
      note: 'Child P’s father; misspelt in the maternity records.',
    },
  ],
  episodes: [
    {
      title: 'Safer sleep advice in pregnancy and at the new birth visit',
      periodFrom: '2021-04-20',
      periodTo: '2021-06-15',
      agencies: ['Acute', 'Community health'],
      roles: ['Midwife', 'Health visitor'],
      whatHappened:
        'The community midwife gave the mother the safer sleep leaflet at the 34-week antenatal appointment and talked it through again on the postnatal ward. The health visitor’s new birth visit took place mid-morning when the baby was twelve days old; the father was at work. The health visitor saw the Moses basket in the parents’ bedroom, talked through the leaflet with the mother and recorded safer sleep as discussed. The record does not say who else cared for the baby or what happened in the evenings.',
      localRationality:
        'Each professional gave the advice the pathway asks for, to the parent who was there. The home was warm and tidy, the mother was settled, and the sleeping place was safe. Nothing the mother said suggested the plan would change at night, and the visit template asked whether safer sleep had been discussed, not with whom.',
      appraisal: 'adequate',
      appraisalRationale:
        'The advice given met the local safer sleep guidance, and the sleeping place was checked. National guidance expects advice to reach everyone who cares for the baby, and neither contact included the father.',
      standardKind: 'guidance',
      standardReference:
        'NICE guideline NG194, Postnatal care (2021); Northbrook safer sleep guidance (2019)',
      hindsight:
        'The baby died on a sofa in the evening, with the father, after both parents had been drinking. These circumstances were not part of any conversation recorded before the death.',
      wentWell:
        'Safer sleep was discussed at three contacts and the sleeping place was seen. The health visitor recorded the home conditions in full.',
      goodPractice: false,
      status: 'case_group_checked',
      factors: [
        {
          group: 'family',
          factorType: 'Availability for meetings',
          description: 'The father worked days, and every contact took place in working hours.',
        },
        {
          group: 'organisational',
          factorType: FORMS_AND_TEMPLATES,
          description:
            'The new birth visit template recorded safer sleep as a tick box, without who was present or which circumstances were talked about.',
        },
        {
          group: 'conditions_of_work',
          factorType: 'Workload',
          description:
            'New birth visits were booked at the limit of the team’s capacity, leaving little room to arrange a second visit when a parent was absent.',
        },
      ],
    },
    {
      title: 'Probation supervision of the father during the pregnancy and after the birth',
      periodFrom: '2021-03-01',
      periodTo: '2021-07-30',
      agencies: ['Probation'],
      roles: ['Probation officer', 'Senior probation officer'],
      whatHappened:
        'The father was serving a community order with an alcohol treatment requirement. His probation officer saw him every two weeks and recorded in March that he was about to become a father. The assessment completed at the start of the order recorded no children in the household and was not reviewed after the birth. No check was made with children’s social care or health visiting. In July the alcohol treatment provider reported a relapse to probation.',
      localRationality:
        'The probation officer’s attention was on the father’s drinking and his offending, and the news of the baby sounded like a reason for hope. The period included the national reorganisation of probation services, and the officer took on twenty cases from another team in June. A review of the assessment was due at a fixed point later in the order.',
      appraisal: 'problematic',
      appraisalRationale:
        'Probation’s safeguarding policy expects a check with children’s services when a person under supervision has contact with a child, and a review of the assessment when circumstances change. Neither took place.',
      standardKind: 'procedure',
      standardReference:
        'HM Prison and Probation Service child safeguarding policy framework; Northbrook multi-agency procedures: pre-birth assessment',
      hindsight:
        'The relapse reported in July was the last information any agency held about the father’s drinking before the baby’s death.',
      wentWell:
        'Appointments were regular and kept, and the alcohol treatment requirement was monitored with the provider.',
      goodPractice: false,
      status: 'case_group_checked',
      factors: [
        {
          group: 'role',
          factorType: 'What their concerns focused on',
          description:
            'Supervision centred on the father’s offending and the risk to known victims, not on the children in his household.',
        },
        {
          group: 'inter_agency',
          factorType: INFORMATION_SHARING,
          description:
            'There was no routine for probation to tell health visiting about a new baby, or for health visiting to learn that a father was under supervision.',
        },
        {
          group: 'wider_political',
          factorType: 'Reorganisation of probation services',
          description:
            'Cases moved between officers during the national reorganisation in June 2021, and caseloads rose to about sixty.',
        },
      ],
    },
    {
      title: 'The six-week check and the mother’s account of drinking at home',
      periodFrom: '2021-07-19',
      periodTo: '2021-07-30',
      agencies: ['GP', 'Community health'],
      roles: ['GP', 'Health visitor'],
      whatHappened:
        'At the six-week check the GP asked the routine alcohol question on the practice template. The mother said that both parents had been drinking most evenings since the birth. The GP gave brief advice, referred her to the drug and alcohol service with her agreement, and sent a task message to the health visitor. The message reached the health visitor nine days later, and a visit was booked for the following week.',
      localRationality:
        'The template question made asking easy and ordinary, and the mother answered openly. The GP saw a tired mother and a thriving baby, and judged that advice, a referral and word to the health visitor were in proportion.',
      appraisal: 'good',
      appraisalRationale:
        'The practice met and went beyond the expected standard: a routine question, a brief intervention, a referral with consent and information sent to the health visitor the same day.',
      standardKind: 'guidance',
      standardReference:
        'NICE guideline PH24, Alcohol-use disorders: prevention (2010); Northbrook GP safeguarding guidance',
      hindsight: 'The health visitor’s booked visit was due in the week after the baby died.',
      wentWell:
        'The routine question, the GP’s skill in brief advice, and a referral made before the mother left the room.',
      goodPractice: true,
      status: 'case_group_checked',
      factors: [
        {
          group: 'organisational',
          factorType: FORMS_AND_TEMPLATES,
          description: 'The practice’s six-week check template asked every mother about alcohol and drugs.',
        },
        {
          group: 'personal',
          factorType: 'Knowledge, skills and expertise',
          description: 'The GP had training in brief interventions for alcohol use.',
        },
        {
          group: 'inter_agency',
          factorType: INFORMATION_SHARING,
          description:
            'Task messages from GP practices reached health visitors through a shared inbox read weekly.',
        },
      ],
    },
  ],
  findings: [
    {
      statement:
        'Safer sleep advice is given to whichever parent is at a health contact, usually the mother, and is recorded as given rather than as talked through, so fathers and other carers, and the circumstances in which most infant deaths happen, are seldom part of the conversation.',
      typologyCode: 'family_professional',
      polarity: 'risk',
      themes: ['safer_sleep', 'men_in_families'],
      episodes: [1, 3],
      howItShowed:
        'In episode 1 the midwife and the health visitor each gave safer sleep advice to the mother; the father was at work at every contact, and the new birth visit record shows a tick for safer sleep. What happened in the evenings, when the father cared for the baby while the mother slept, was not talked about. In episode 3 the mother told the GP that both parents were drinking most evenings; the safer sleep advice was not revisited before the baby’s death.',
      prevalenceSources: ['audit', 'review_team', 'research'],
      prevalenceEvidence:
        'An audit by community health of 50 new birth visits in the first half of 2022 found safer sleep recorded as discussed in 49, and a father or partner present in 14. The review team member for maternity services said antenatal contacts are mostly with the mother alone. The Child Safeguarding Practice Review Panel’s national review of sudden unexpected infant deaths (2020) found that most happened when the family’s routine was disrupted, often with alcohol or drugs, and that advice reaches fathers less often.',
      currency: 'partly',
      currencyNote:
        'Health visitors now record who was present when safer sleep is discussed; the antenatal pathway is unchanged.',
      whyItMatters:
        'Safer sleep advice works when the people who care for a baby at night have talked through what they will do when plans change: after drinking, when very tired, or on a sofa. A system that records advice as given to one parent, once, leaves the riskiest circumstances and often the other carer outside the conversation in every family, not only this one.',
      boardQuestions: [
        'How does the board know whether safer sleep conversations reach fathers and other carers, and not only mothers?',
        'Is the board satisfied that safer sleep advice is revisited when a family’s circumstances change, such as new alcohol use or a move?',
      ],
      priority: 'high',
    },
    {
      statement:
        'Probation’s assessment of a man under supervision centres on his offending and on risk to known victims, and is not routinely reviewed when a baby joins his household, so services supporting the family may not learn of his alcohol use and probation may not learn of the baby.',
      typologyCode: 'longer_term',
      polarity: 'risk',
      themes: ['men_in_families', 'substance_misuse', 'information_sharing'],
      episodes: [2],
      howItShowed:
        'In episode 2 the probation officer supervising Liam Treharne recorded in March that he was about to become a father. The assessment completed at the start of his order recorded no children in the household and was not reviewed after the birth, and no check was made with children’s social care or health visiting. The alcohol treatment provider’s report of a relapse in July went to probation only, while the maternity and health visiting records named the father with no mention of probation or alcohol.',
      prevalenceSources: ['review_team', 'audit'],
      prevalenceEvidence:
        'The review team member for probation said the assessment is reviewed at fixed points and after a new offence, and a change in household is picked up only if the person mentions it and the officer acts on it. A probation audit of 25 men supervised in Northbrook who became fathers during their order found a safeguarding check made in 9.',
      currency: 'partly',
      currencyNote:
        'Probation now prompts a check when a new child is mentioned; health services still have no routine way to learn that a father is under supervision.',
      whyItMatters:
        'Men in a baby’s household are often less visible to the services working with the family, and what would help a health visitor judge risk may sit with an agency that works with the man alone. Where one agency knows about the adult and another about the baby, and neither has a routine to ask the other, the picture stays divided in many families.',
      boardQuestions: [
        'What does the board know about how often probation learns that a man under supervision has a new baby, and what happens next?',
        'How can midwives and health visitors learn that a parent is under probation supervision, with consent where possible?',
      ],
      priority: 'high',
    },
    {
      statement:
        'GP practices whose six-week check template asks every new mother a short routine question about alcohol and drug use make a disclosure more likely and give the GP a ready next step.',
      typologyCode: 'tools',
      polarity: 'strength',
      themes: ['substance_misuse'],
      episodes: [3],
      howItShowed:
        'In episode 3 the template prompted the GP to ask the routine alcohol question. The mother described both parents drinking most evenings since the birth; the GP gave brief advice, referred her to the drug and alcohol service with her agreement and sent a task message to the health visitor, which arrived nine days later.',
      prevalenceSources: ['audit', 'review_team'],
      prevalenceEvidence:
        'The review team member for primary care said 11 of Northbrook’s 31 practices used the template. An audit of 60 six-week checks in practices using it found an answer to the alcohol question recorded in 57, against 12 of 60 in practices without it.',
      currency: 'current',
      currencyNote:
        'More practices now use the template; the route for telling the health visitor is unchanged.',
      whyItMatters:
        'Parents rarely raise their drinking unprompted, and professionals may hesitate to ask in case it sounds like an accusation. A question asked of everyone makes the answer part of ordinary care. Where the template is absent, a disclosure depends on one professional’s judgement on the day.',
      boardQuestions: [
        'Is the board satisfied that every GP practice asks new parents about alcohol and drug use at the six-week check?',
        'How could what a GP learns at the six-week check reach the health visitor within days rather than weeks?',
      ],
      priority: 'medium',
    },
  ],
  actions: [
    {
      finding: 1,
      description:
        'Talk through safer sleep with every parent and carer in the household, and revisit it whenever circumstances change.',
      owner: 'Community health',
      ownerName: 'Head of health visiting',
      dueOn: '2023-03-31',
      successMeasure:
        'An audit finds a father or partner included in the safer sleep conversation in most records.',
      status: 'impact_verified',
      completedOn: '2023-03-10',
      impactEvidenceKind: 'audit',
      impactEvidence:
        'An audit of 40 health visiting records in June 2023 found safer sleep talked through with both parents in 31, and revisited after a change of circumstances in 26 of the 30 where one was recorded.',
    },
    {
      finding: 2,
      description:
        'Review the probation assessment when a child joins the household, with a check with children’s social care and health visiting.',
      owner: 'Probation',
      ownerName: 'Head of the Northbrook probation delivery unit',
      dueOn: '2023-06-30',
      successMeasure:
        'A safeguarding check is recorded for 9 in 10 men who become fathers during supervision.',
      status: 'done',
      completedOn: '2023-05-22',
    },
  ],
};
