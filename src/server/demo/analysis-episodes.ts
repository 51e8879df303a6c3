import type { EpisodeStatus, StandardKind } from '#domain/analysis/episode.ts';
import type { FactorGroup } from '#domain/conversation/factors.ts';

/** The agencies the demo narrative's events come from (short names, as the demo seed keys them). */
export type DemoAgency = 'Community health' | 'GP' | 'Police' | 'CSC' | 'Education';

/** A passage of a seeded conversation, named by the person it is with, or a seeded document by title. */
export type DemoEvidence = { conversationWith: string; passage: string } | { document: string };

export type DemoFactor = {
  group: FactorGroup;
  /** One of the group's types where the framework lists them; otherwise a short label used consistently. */
  factorType: string;
  description: string;
  evidence?: DemoEvidence[];
};

export type DemoComment = {
  by: string;
  daysAgo: number;
  body: string;
  resolved?: { by: string; daysAgo: number; resolution: string };
};

/** One key practice episode of the demo review, written in the systems model's voice. */
export type DemoEpisode = {
  title: string;
  /** Days after the start of the review's scope: the narrative's events in this window are linked. */
  days: [number, number];
  /** Which events in the window: an agency and words its summary contains. */
  events: [DemoAgency, string][];
  agencies: DemoAgency[];
  roles: string[];
  whatHappened: string;
  localRationality: string;
  appraisal: 'good' | 'adequate' | 'problematic' | 'mixed';
  appraisalRationale: string;
  standardKind: StandardKind;
  standardReference: string;
  hindsight: string;
  wentWell: string;
  overviewQueries: string;
  goodPractice: boolean;
  status: EpisodeStatus;
  shared: boolean;
  evidence: DemoEvidence[];
  factors: DemoFactor[];
  comments: DemoComment[];
};

/** The factor types without a built-in list that recur across episodes, spelled once. */
export const INFORMATION_SHARING = 'Information sharing between agencies';
export const FORMS_AND_TEMPLATES = 'Forms and templates';

const HV_LOW_MOOD = 'I thought the feeding difficulties were linked to mother’s low mood.';
const OUTCOME_LETTER = 'The referral outcome letter arrived twelve days after the decision.';
const TURNING_A_CORNER = 'The family seemed to be turning a corner; mother was attending her GP.';
const CASELOAD = 'A caseload of 24 and three court deadlines that month.';

/**
 * Six analysed key practice episodes for "Child A", spread over the narrative: two checked by the
 * case group, two agreed by the review team (all four shared with the case group) and two drafts.
 * The factor types Workload, Supervision, IT, Forms and templates and Information sharing between
 * agencies recur, so the causal map links episodes through shared factors.
 */
export const demoEpisodes: DemoEpisode[] = [
  {
    title: 'Weighing at home visits and the referral about weight loss',
    days: [0, 27],
    events: [
      ['Community health', 'Home visit'],
      ['Community health', 'Clinic attendance'],
      ['Community health', 'no answer'],
      ['GP', 'low mood'],
      ['CSC', 'Referral from health visiting'],
    ],
    agencies: ['Community health', 'GP', 'CSC'],
    roles: ['Health visitor', 'GP', 'Social worker'],
    whatHappened:
      'Over four weeks the health visitor saw the family five times, at home and in clinic. At the first home visit the child’s weight had dropped from the 25th to the 9th centile; the mother said feeding was going well. At two later visits the home was cold and cluttered, and the mother was tearful and said she was not sleeping; the health visitor gave advice on safe sleep. One planned visit found no one at home and a card was left, so there was no weight that week. The GP saw the mother for low mood in the first week, increased her antidepressant dose and offered talking therapies. A clinic weight was stable; a home weight three weeks after the first showed the same fall. The health visitor then referred the child to children’s social care about weight loss. The child was weighed at each contact where the family was seen.',
    localRationality:
      'The health visitor read the fall in weight together with what they saw at home: a mother who was tearful and not sleeping, and a cold, cluttered house. The fall on its own was one centile space, and the stable clinic weight in between was reassuring; in their conversation they said: “I thought the feeding difficulties were linked to mother’s low mood.” They knew from the monthly liaison meeting that the GP was treating the mother’s low mood, and hoped a referral would bring an assessment of the whole family rather than of feeding alone. They saw the options as weighing more often and waiting, or referring while continuing to weigh, and chose both.',
    appraisal: 'good',
    appraisalRationale:
      'The practice went beyond the expected standard. NICE NG75 treats a fall across two or more centile spaces as faltering growth for most children; this fall was one space, so the weight alone did not call for a referral. The health visitor weighed at each contact, recorded the home conditions and the mother’s mood, used the liaison meeting with the GP, and referred on the combined picture, which is what the local neglect procedure asks practitioners to do.',
    standardKind: 'guidance',
    standardReference:
      'NICE guideline NG75, Faltering growth (2017); Northbrook neglect procedure: recognising neglect from the combined picture',
    hindsight: '',
    wentWell:
      'Weighing was frequent and recorded in full. The monthly liaison meeting meant the health visitor knew of the mother’s treatment for low mood. The referral named both the weight and the conditions at home.',
    overviewQueries:
      'The health visitor knew the child had a nursery place, but the referral did not mention it. Was the nursery’s view asked for at this stage?',
    goodPractice: true,
    status: 'case_group_checked',
    shared: true,
    evidence: [
      { conversationWith: 'Amira Haddad', passage: HV_LOW_MOOD },
      { document: 'Health visiting records: summary for the review' },
    ],
    factors: [
      {
        group: 'role',
        factorType: 'How often they saw the family',
        description:
          'Visits every few weeks gave the health visitor a run of weights and a view of the home over time, so no single reading stood alone.',
      },
      {
        group: 'inter_agency',
        factorType: INFORMATION_SHARING,
        description:
          'The monthly GP and health visiting liaison meeting told the health visitor about the mother’s treatment for low mood within a fortnight.',
      },
      {
        group: 'personal',
        factorType: 'Knowledge, skills and expertise',
        description:
          'Training in the local neglect procedure shaped what the health visitor looked for at home, beyond the weight.',
      },
    ],
    comments: [
      {
        by: 'Amira Haddad',
        daysAgo: 6,
        body: 'The episode said the child was weighed at every visit. One planned visit had no answer at the door, so there was no weight that week. Could it say so?',
        resolved: {
          by: 'Dr Helen Mercer',
          daysAgo: 4,
          resolution:
            'What happened now says the child was weighed at each contact where the family was seen, and names the visit with no answer.',
        },
      },
    ],
  },
  {
    title: 'Police call-outs and decisions at the front door',
    days: [6, 66],
    events: [
      ['Police', 'shouting'],
      ['Police', 'crying'],
      ['CSC', 'Contact received from police'],
    ],
    agencies: ['Police', 'CSC'],
    roles: ['Police constable', 'Social worker', 'Team manager'],
    whatHappened:
      'Over two months police attended the address five times: three reports of shouting, after which the father had left before officers arrived, and two reports from a neighbour of the child crying for long periods, which the mother explained as teething. Officers completed a DASH risk assessment at each domestic call-out, graded standard each time, and sent a notification to the children’s social care front door within three days. The front door recorded two of the notifications as contacts and decided no further action, with advice and signposting to early help. Police recall expecting a strategy discussion after the earlier call-outs; the narrative keeps both agencies’ accounts of that decision.',
    localRationality:
      'Each notification arrived at a front door that received many police notifications a day, most of them graded standard. A duty social worker reading one notification saw a single incident, a father no longer present, a child asleep or said to be teething, and a risk assessment graded standard by officers who had been there. The screen showed the current notification; earlier ones sat in the contact history on a separate tab. The team manager who agreed the decisions described the aim as keeping statutory involvement for families where the threshold was met and offering early help to others. Officers saw each call-out as recorded and passed on, and expected the front door to look at the pattern.',
    appraisal: 'mixed',
    appraisalRationale:
      'Police practice met the expected standard: every domestic call-out had a DASH assessment and a notification sent within three days. The front door’s decisions matched the threshold document for each contact taken on its own, but the local front door procedure asks the screener to consider previous contacts within twelve months, and the records do not show the earlier notifications being considered together. The reasons for no further action were not sent back to police.',
    standardKind: 'procedure',
    standardReference:
      'Northbrook continuum of need (threshold document) and front door procedure; College of Policing Authorised Professional Practice on domestic abuse; Working Together to Safeguard Children 2023, chapter 3',
    hindsight:
      'Read together, the call-outs form a repeating pattern of shouting and a crying child over two months. The pattern is easy to see in the assembled narrative; at the front door each notification arrived on its own, weeks apart.',
    wentWell:
      'Officers completed a risk assessment every time and notified promptly. They recorded where the child was and how the child seemed at each call-out.',
    overviewQueries:
      'Police expected a strategy discussion after the earlier call-outs; children’s social care did not record why one was not held. How are decisions of no further action explained to the agency that notified?',
    goodPractice: false,
    status: 'review_team_agreed',
    shared: true,
    evidence: [],
    factors: [
      {
        group: 'conditions_of_work',
        factorType: 'Workload',
        description:
          'The front door screened a high volume of police notifications each day; a notification graded standard received a few minutes of attention.',
      },
      {
        group: 'conditions_of_work',
        factorType: 'IT',
        description:
          'The case recording system showed the current contact on screen and earlier contacts on a separate tab, so a pattern had to be looked for.',
      },
      {
        group: 'personal',
        factorType: 'Human reasoning',
        description:
          'Each incident was judged on its own merits. A run of low-level incidents is harder to see when each arrives alone, weeks after the last.',
      },
      {
        group: 'inter_agency',
        factorType: INFORMATION_SHARING,
        description:
          'Decisions of no further action were not sent back to police, so officers attending later call-outs did not know how earlier ones had been handled.',
      },
    ],
    comments: [
      {
        by: 'Jordan Blake',
        daysAgo: 2,
        body: 'These decisions were made by the duty team at the front door, not by the allocated social worker. Could the episode make clear that the allocated worker saw these contacts only later, when the referral came in?',
      },
    ],
  },
  {
    title: 'The referral about weight loss and the single agency assessment',
    days: [27, 36],
    events: [
      ['CSC', 'Referral from health visiting'],
      ['Education', 'bruise'],
      ['Education', 'same clothes'],
      ['Community health', 'no answer'],
      ['GP', 'low mood'],
    ],
    agencies: ['CSC', 'Community health', 'Education', 'GP'],
    roles: ['Social worker', 'Team manager', 'Health visitor', 'Nursery manager'],
    whatHappened:
      'Children’s social care received the health visitor’s referral about the child’s weight loss. The contact record notes that a strategy discussion was not held at referral and that a single agency assessment was started. A later discussion by telephone with police and the health visitor, minuted by children’s social care, agreed that the threshold for a section 47 enquiry was not met and asked the health visitor to weigh the child fortnightly. On the day the referral arrived the nursery recorded a bruise on the child’s cheek on its safeguarding log; the mother said he fell against the sofa. Over the next week the nursery recorded the child arriving in the same clothes and hungry, a planned health visit found no one at home, and the GP saw the mother again for low mood. The outcome of the referral reached the health visitor by letter twelve days after the decision. The nursery was not contacted during the assessment.',
    localRationality:
      'The referral described weight loss and a mother with low mood who was engaging with her GP and health visitor. Read that way, it looked like a family needing support rather than a child at risk of significant harm, and the social worker and team manager chose the route that keeps the family’s consent at the centre. The social worker knew of the health visitor and the GP from the referral. The nursery place was recorded on the referral form, but the assessment template prompted for health and police checks, not for early years settings. The nursery’s log of the bruise was not known outside the nursery. The social worker had a caseload of 24 and several assessments due that month.',
    appraisal: 'problematic',
    appraisalRationale:
      'The local neglect procedure expects an assessment of a pre-school child to seek the view of every agency known to the child, and NICE NG76 lists repeated hunger and unsuitable clothing among the features to consider. The nursery was known and was not asked, so the assessment rested on health and family accounts alone. Choosing a single agency assessment was within the range of reasonable decisions on what the referral said; the shortfall is in whose information the assessment gathered. Telling the referrer the outcome twelve days after the decision is outside the local standard of three working days.',
    standardKind: 'procedure',
    standardReference:
      'Northbrook neglect procedure (assessing pre-school children); Working Together to Safeguard Children 2023, chapter 3; NICE guideline NG76, Child abuse and neglect (2017)',
    hindsight:
      'Seen now beside the health records, the nursery’s log shows hunger, worn clothing and falling attendance in the same weeks as the weight loss. An assessment that asked the nursery would have had that picture; at the time the log was held in one setting and described a child whose explanations were plausible one by one.',
    wentWell:
      'The referral was accepted and an assessment started the same day. The later discussion brought police and health together and gave the health visitor a specific action, to weigh the child fortnightly.',
    overviewQueries:
      'Why does the assessment template prompt for health and police checks but not for early years settings?',
    goodPractice: false,
    status: 'review_team_agreed',
    shared: true,
    evidence: [
      { document: 'Strategy discussion minutes, March' },
      { conversationWith: 'Amira Haddad', passage: OUTCOME_LETTER },
    ],
    factors: [
      {
        group: 'organisational',
        factorType: FORMS_AND_TEMPLATES,
        description:
          'The assessment template prompted for health and police checks and had no prompt for early years settings, so the nursery was not on the list of people to ask.',
      },
      {
        group: 'conditions_of_work',
        factorType: 'Workload',
        description:
          'A caseload of 24 and several assessments due in the same month left little room for contacting settings the template did not prompt for.',
      },
      {
        group: 'inter_agency',
        factorType: INFORMATION_SHARING,
        description:
          'The referral outcome reached the health visitor by letter twelve days after the decision, and the nursery’s log was not shared outside the nursery.',
        evidence: [{ conversationWith: 'Amira Haddad', passage: OUTCOME_LETTER }],
      },
    ],
    comments: [],
  },
  {
    title: 'Closing the assessment and stepping down to early help',
    days: [36, 46],
    events: [
      ['Community health', 'Clinic attendance'],
      ['Community health', 'Child weighed'],
      ['Police', 'shouting'],
      ['Education', 'Attendance'],
      ['CSC', 'assessment closed'],
    ],
    agencies: ['CSC', 'Community health', 'Police', 'Education'],
    roles: ['Social worker', 'Team manager', 'Health visitor'],
    whatHappened:
      'The social worker closed the child and family assessment, recording that the parents were engaging and no further concerns had been identified, and stepped the family down to early help. In the ten days before the closure the clinic weight had been stable and the mother said the father had moved back in; police attended a report of shouting at the address, and the notification reached children’s social care three days later. Four days before the closure the health visitor recorded a further fall in weight at a home visit, and the nursery recorded attendance of 62% for the month. Neither of these was known to children’s social care when the assessment closed.',
    localRationality:
      'The social worker saw a family that, in their words, “seemed to be turning a corner”: the mother was attending her GP, the home was tidier at the last visit, and the last weight they had heard about was stable. The police notification of shouting arrived in the final week and was read alongside the father’s return, which the family described as a step forward. The social worker had a caseload of 24 and three court deadlines that month, and saw two options: close to early help, so the family kept support without statutory involvement, or keep the case open for another month. The team manager agreed the closure in a short case discussion. The step-down form asked for the family’s consent and the early help offer, but not for each agency’s latest view.',
    appraisal: 'problematic',
    appraisalRationale:
      'The Northbrook step-down protocol expects a closing discussion with, or a check with, each agency involved before an assessment closes. The closure rested on the family’s account and on what children’s social care held; the health visitor and the nursery were not asked for their latest view, and the police notification in the final week was not discussed with police. On what the social worker knew, the decision was understandable; the practice fell short of the protocol in how that knowledge was gathered.',
    standardKind: 'procedure',
    standardReference:
      'Northbrook step-down to early help protocol; Working Together to Safeguard Children 2023, chapter 3',
    hindsight:
      'The health visitor’s weight four days before the closure showed a further fall. It was recorded in health records that children’s social care could not see, and it sits beside the closure in the narrative only because the review has brought the agencies’ records together.',
    wentWell:
      'The family were offered early help rather than closed with no support, and the social worker’s relationship with the mother meant she spoke openly about her mood.',
    overviewQueries:
      'The social worker was not aware of the nursery’s attendance concerns. What would a step-down check that asks every agency for its latest view need, to be used under caseload pressure?',
    goodPractice: false,
    status: 'case_group_checked',
    shared: true,
    evidence: [{ conversationWith: 'Jordan Blake', passage: TURNING_A_CORNER }],
    factors: [
      {
        group: 'conditions_of_work',
        factorType: 'Workload',
        description:
          'A caseload of 24 and three court deadlines that month made a prompt closure feel like the realistic option.',
        evidence: [{ conversationWith: 'Jordan Blake', passage: CASELOAD }],
      },
      {
        group: 'own_team',
        factorType: 'Supervision',
        description:
          'The closure was agreed in a short case discussion rather than in supervision, and the discussion centred on the family’s engagement rather than on which agencies had been heard from.',
      },
      {
        group: 'family',
        factorType: 'Willingness to engage',
        description:
          'The mother’s engagement was reassuring and was the main evidence the closure relied on.',
      },
      {
        group: 'organisational',
        factorType: FORMS_AND_TEMPLATES,
        description:
          'The step-down form asked for the family’s consent and the early help offer, not for each agency’s latest view.',
      },
    ],
    comments: [],
  },
  {
    title: 'The nursery’s safeguarding log: hunger, attendance and a bruise',
    days: [282, 319],
    events: [
      ['Education', 'same clothes'],
      ['Education', 'Attendance'],
      ['Education', 'bruise'],
      ['CSC', 'Referral from health visiting'],
    ],
    agencies: ['Education', 'CSC'],
    roles: ['Nursery manager', 'Designated safeguarding lead, nursery', 'Social worker'],
    whatHappened:
      'Over five weeks the nursery recorded on its safeguarding log that the child arrived in the same clothes on consecutive days and seemed hungry at snack time (twice), that attendance for the month was 62% (twice), and that the child arrived with a bruise on the cheek which the mother said came from a fall against the sofa (twice). The designated safeguarding lead spoke to the mother after each entry and recorded her explanation. In the same weeks children’s social care received a further referral from health visiting about weight loss and started a single agency assessment. The nursery did not contact children’s social care or the health visitor, and was not contacted by them.',
    // Deliberate: "Looking back" is left in so that someone exploring the demo meets one open
    // language flag (hindsight), and can try rewording it or keeping it with a reason.
    localRationality:
      'Looking back, the designated safeguarding lead describes each entry as a separate event with its own explanation: a child who had been unwell, a mother who was struggling but open, a fall at home that matched the mark. The log was kept by date, so entries about the same child were weeks apart on different pages. The nursery knew the family had a health visitor but had not been told of any referral, and understood from earlier calls that a bruise with an explanation would be logged at the front door as advice. That term a staff shortage meant the designated safeguarding lead was also covering a room.',
    appraisal: 'mixed',
    appraisalRationale:
      'Each concern was recorded on the day, and the designated safeguarding lead spoke to the mother each time, as the early years foundation stage framework expects. The local neglect procedure asks settings to review their log for patterns and to use the Graded Care Profile 2 where signs of neglect repeat; that review did not take place, and no other agency was told. On what the nursery knew, which did not include the referrals, the practice met the standard for single incidents and fell short of it for the pattern.',
    standardKind: 'guidance',
    standardReference:
      'Early years foundation stage statutory framework (DfE, 2024), safeguarding and welfare requirements; Northbrook neglect procedure and the Graded Care Profile 2',
    hindsight:
      'Beside the health and social care records, the nursery’s entries fall in the same weeks as the weight loss and the further referral.',
    wentWell: 'Entries were made the same day, were factual, and recorded the mother’s own words.',
    overviewQueries:
      'Children’s social care did not ask the nursery for its view during the assessment that overlapped these weeks; episode 3 shows the same pattern earlier. How do early years settings learn that a child they log concerns about has been referred?',
    goodPractice: false,
    status: 'draft',
    shared: false,
    evidence: [{ document: 'Nursery safeguarding log extract' }],
    factors: [
      {
        group: 'conditions_of_work',
        factorType: 'Staffing levels and skill mix',
        description:
          'A staff shortage meant the designated safeguarding lead was covering a room and had little protected time to review the log.',
      },
      {
        group: 'own_team',
        factorType: 'Supervision',
        description:
          'The nursery had no regular safeguarding supervision in which the log was reviewed for patterns.',
      },
      {
        group: 'inter_agency',
        factorType: INFORMATION_SHARING,
        description:
          'The nursery was not told of the referrals and did not tell other agencies of its log entries; no routine linked early years settings with health visiting.',
      },
      {
        group: 'organisational',
        factorType: FORMS_AND_TEMPLATES,
        description:
          'The safeguarding log was kept by date rather than by child, so entries about one child were weeks apart.',
      },
    ],
    comments: [],
  },
  {
    title: 'The mother’s mental health reviews at the GP practice',
    days: [396, 441],
    events: [
      ['GP', 'low mood'],
      ['GP', 'did not attend'],
      ['Community health', 'tearful'],
    ],
    agencies: ['GP', 'Community health'],
    roles: ['GP', 'Health visitor'],
    whatHappened:
      'Over six weeks the mother did not attend two mental health review appointments at the GP practice and attended two others, at which the GP recorded low mood and poor sleep, increased her antidepressant dose and offered a referral to talking therapies. Between these appointments the health visitor found the mother tearful and the home cold and cluttered. The practice raised the appointments not attended at the monthly GP and health visiting liaison meeting, and the health visitor learned of them about ten days later.',
    localRationality:
      'The GP saw an adult patient with depression whose treatment was being adjusted, who came to most appointments and accepted offers of help. Appointments not attended by adults are common in a busy practice and were followed up by the practice’s recall letters. The GP knew the mother had a young child and a health visitor, and relied on the liaison meeting as the route for sharing concerns about the family. Ten-minute appointments centred on the mother’s medication, and the child’s record and the mother’s record were separate, so the child’s presentation in the same weeks was not in front of the GP.',
    appraisal: 'adequate',
    appraisalRationale:
      'The treatment of the mother’s depression was in line with NICE NG222: regular review, adjustment of medication and the offer of psychological therapy. The practice shared the appointments not attended through the agreed liaison route. Local Think Family guidance asks practitioners treating a parent to consider the effect on the children; the record shows the child was known but not how the mother’s mood was affecting the care the child received, which the practice’s templates do not yet prompt for.',
    standardKind: 'guidance',
    standardReference: 'NICE guideline NG222, Depression in adults (2022); Northbrook Think Family guidance',
    hindsight: '',
    wentWell:
      'Medication was reviewed regularly, and the liaison meeting passed on each appointment not attended.',
    overviewQueries:
      'The health visitor learned of the appointments not attended about ten days later. Would a direct message on the day have changed what the health visitor did at the next visit?',
    goodPractice: false,
    status: 'draft',
    shared: false,
    evidence: [],
    factors: [
      {
        group: 'conditions_of_work',
        factorType: 'Workload',
        description:
          'Ten-minute appointments and a large list kept each consultation centred on the mother’s medication.',
      },
      {
        group: 'conditions_of_work',
        factorType: 'IT',
        description:
          'The mother’s and the child’s records are separate in the practice system, so the child’s presentation was not on screen during the mother’s appointments.',
      },
      {
        group: 'inter_agency',
        factorType: INFORMATION_SHARING,
        description:
          'The monthly liaison meeting was the agreed route, so information reached the health visitor up to a month after the event.',
      },
      {
        group: 'family',
        factorType: 'Willingness to engage',
        description:
          'The mother attended most appointments and accepted offers of help, which read as engagement.',
      },
    ],
    comments: [],
  },
];
