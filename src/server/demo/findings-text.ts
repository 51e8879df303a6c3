import type {
  CheckedFindingField,
  Currency,
  FindingStatus,
  Polarity,
  PrevalenceSource,
  Priority,
} from '#domain/finding/finding.ts';
import type { LibraryTheme } from '#domain/library/library.ts';
import type { PseudonymEntryInput } from '#domain/pseudonym/register.ts';

/** One finding of the demo review, written in the systems model's voice: a pattern, not a case detail. */
export type DemoFinding = {
  [F in Exclude<CheckedFindingField, 'boardQuestions' | 'recommendations'>]: string;
} & {
  /** A category code of the built-in typology (version 1). */
  typologyCode: string;
  polarity: Polarity;
  /** What the finding is about, in the learning library's theme keys. */
  themes: LibraryTheme[];
  /** The numbers of the demo key practice episodes that show it. */
  episodes: number[];
  prevalenceSources: PrevalenceSource[];
  currency: Currency;
  currencyNote: string;
  boardQuestions: string[];
  priority: Priority;
  /** The positions of the review's research questions it answers. */
  researchQuestions: number[];
  status: FindingStatus;
};

/**
 * Four findings for "Child A", drawn from the factors that recur across the six demo episodes (forms
 * and templates, workload, supervision, information sharing between agencies): three risks and one
 * strength to protect. Two are agreed by the review team, one tested with the case group, one emerging.
 */
export const demoFindings: DemoFinding[] = [
  {
    statement:
      'Children’s social care’s assessment and step-down forms prompt for health and police checks and for the family’s consent, not for the view of early years settings or each agency’s latest view, so assessments and closures for pre-school children tend to rest on the agencies the forms name.',
    typologyCode: 'tools',
    polarity: 'risk',
    themes: ['neglect', 'information_sharing', 'voice_of_the_child'],
    episodes: [3, 4, 5],
    howItShowed:
      'In episode 3 the single agency assessment gathered the views of health and police, the two checks the assessment template prompted for. The nursery place was recorded on the referral form, and the nursery was not contacted. In episode 4 the step-down form asked for the family’s consent and the early help offer; the health visitor’s latest weight, taken four days before the closure, and the nursery’s attendance figures were not asked for. In episode 5 the nursery’s own safeguarding log was kept by date rather than by child, so one child’s entries were weeks apart and a pattern had to be searched for. In each episode the form shaped whose information was in front of the person deciding.',
    prevalenceSources: ['review_team', 'audit', 'case_group'],
    prevalenceEvidence:
      'The review team member for children’s social care confirmed that every assessment team uses the same assessment and step-down templates, and that neither has changed since the period under review. A dip sample of 20 closed assessments of children under five, carried out by children’s social care for the review, found that an early years setting was contacted in 6 of the 14 where the child had a place. Practitioners in the case group described the template as “the list you work down” when time is short. The nursery’s designated safeguarding lead said that the settings they know of keep their safeguarding logs by date.',
    currency: 'current',
    currencyNote: 'The templates are unchanged since the period under review.',
    whyItMatters:
      'A form is the most consistent prompt a busy practitioner has. Where it leaves out a source of information, that source is left out in many cases, not just this one, and here it is the agencies that see a pre-school child most often, nurseries and health visitors, whose view goes unasked. Assessments and closures then rest on the family’s account and on what children’s social care already holds, which makes neglect that builds up slowly across several agencies harder to recognise.',
    boardQuestions: [
      'Is the board satisfied that assessment and step-down forms prompt practitioners to seek the view of every agency known to a pre-school child, including early years settings?',
      'What does the board know about how often early years settings are asked for their view during assessments, and how would it find out?',
      'How would the board know whether a change to the forms made a difference to practice, rather than adding another box to complete?',
    ],
    priority: 'high',
    researchQuestions: [1, 2],
    status: 'agreed_by_review_team',
  },
  {
    statement:
      'At the children’s social care front door, police notifications graded standard are screened one at a time under high volume, with earlier contacts out of view, and decisions of no further action are not sent back to police, so a run of low-level incidents about one child is hard to see from either side.',
    typologyCode: 'incidents_crises',
    polarity: 'risk',
    themes: ['domestic_abuse', 'neglect', 'information_sharing'],
    episodes: [2, 4],
    howItShowed:
      'In episode 2 police attended the address five times in two months and sent a notification each time. The front door recorded two of them as contacts and decided no further action on each, with the earlier contacts on a separate tab of the case recording system. Police were not told the outcomes, and officers expected a strategy discussion that was not held. In episode 4 a further notification of shouting arrived in the final week of the assessment and was read alongside the father’s return home; it was not discussed with police before the assessment closed.',
    prevalenceSources: ['data', 'review_team', 'audit'],
    prevalenceEvidence:
      'Front door data supplied by children’s social care show around 70 police notifications a day in the period under review, about four in five of them graded standard. The review team member for the police said officers rarely learn the outcome of a notification, and a police audit of 30 addresses with repeated call-outs found feedback from the front door recorded for 4. The review team member for children’s social care confirmed that the case recording system shows each new contact on its own on every screening team’s screen.',
    currency: 'partly',
    currencyNote:
      'Since the period under review the front door procedure has added a prompt to look at contacts in the previous twelve months. Feedback of outcomes to police is not yet routine, and the screen layout is unchanged.',
    whyItMatters:
      'Neglect and domestic abuse often show as many small incidents rather than one large one. A front door that reads each notification alone, and does not tell the notifying agency what it decided, depends on one screener spotting a pattern that the tools keep out of view and that no one else is placed to see. Officers who meet the family at each call-out cannot adjust what they look for or record without knowing what became of the last notification.',
    boardQuestions: [
      'Is the board satisfied that front door screeners can see a child’s previous contacts when they read a new notification?',
      'What does the board know about how often decisions of no further action are explained to the agency that notified, and what that agency does with the answer?',
      'How does the board know whether repeated notifications graded standard about the same child are recognised as a pattern?',
    ],
    priority: 'high',
    researchQuestions: [3, 1],
    status: 'agreed_by_review_team',
  },
  {
    statement:
      'When caseloads and staffing are stretched, decisions such as closing an assessment are agreed in short case discussions that centre on the family’s engagement, and designated safeguarding leads in nurseries have no protected supervision, so there is little routine space to ask which agencies have been heard from.',
    typologyCode: 'management_systems',
    polarity: 'risk',
    themes: ['neglect', 'professional_curiosity'],
    episodes: [3, 4, 5],
    howItShowed:
      'In episode 3 a social worker with 24 cases and several assessments due that month gathered the information the template prompted for, and no more. In episode 4 the same caseload and three court deadlines made a prompt closure feel like the realistic option, and the team manager agreed the closure in a short case discussion rather than in supervision; the discussion centred on the mother’s engagement. In episode 5 the nursery’s designated safeguarding lead was covering a room during a staff shortage and had no regular safeguarding supervision in which the log was reviewed for patterns.',
    prevalenceSources: ['data', 'review_team', 'case_group'],
    prevalenceEvidence:
      'Children’s social care workforce data for the period show average caseloads of 22 in the assessment teams, against a local aim of 18, and supervision recorded as up to date for about two thirds of social workers. The review team member for children’s social care said closures are commonly agreed in case discussions when supervision is delayed. Practitioners in the case group from health and early years described the same pressure in their own agencies, and the nursery’s designated safeguarding lead said that safeguarding supervision for nursery staff depends on the setting and is often absent in small settings.',
    currency: 'current',
    currencyNote:
      'Caseloads have fallen a little since the period under review; the way closures are agreed has not changed.',
    whyItMatters:
      'Supervision is where a practitioner is asked what they have not yet found out. Where the space for it is squeezed, decisions rest more on the most recent and most reassuring information, often the family’s own account, and the system relies on individuals finding time that the workload does not give them. This holds in any busy team, not only the teams in this case.',
    boardQuestions: [
      'Is the board satisfied that decisions to close an assessment or step a family down to early help are agreed in a setting that asks which agencies have been heard from?',
      'What does the board know about the safeguarding supervision available to designated safeguarding leads in early years settings?',
    ],
    priority: 'medium',
    researchQuestions: [3, 1],
    status: 'tested_with_case_group',
  },
  {
    statement:
      'The monthly liaison meeting between GP practices and health visitors gives health visitors a dependable picture of a parent’s treatment and of appointments not attended, which supports judgements about a young child made from the whole picture; its monthly rhythm means some news takes weeks to arrive.',
    typologyCode: 'longer_term',
    polarity: 'strength',
    themes: ['parental_mental_health', 'information_sharing', 'neglect'],
    episodes: [1, 6],
    howItShowed:
      'In episode 1 the health visitor learned from the liaison meeting, within a fortnight, that the GP was treating the mother’s low mood. They read the fall in weight together with the mother’s mood and the conditions at home, and referred on the combined picture; the episode is appraised as good practice. In episode 6 the GP practice raised two mental health appointments the mother did not attend at the meeting, and the health visitor learned of them about ten days later.',
    prevalenceSources: ['review_team', 'case_group', 'audit'],
    prevalenceEvidence:
      'The review team member for health said liaison meetings run in most GP practices in the area, though how often they meet varies between practices. The health visitor and the GP in the case group both described the meeting as the main way they learn of each other’s concerns about a family. Community health is gathering an audit of how many practices hold the meeting monthly, to show how widespread the strength is.',
    currency: 'current',
    currencyNote: 'The meetings continue; the audit of how many practices hold them is not yet complete.',
    whyItMatters:
      'A parent’s mental health and a young child’s care are seen by different professionals, in different records. The liaison meeting is one of the few routines that brings the two together without depending on one person remembering to pick up the phone. Routines of this kind are easily lost when practices are under pressure, and a strength tends to go unrecorded until it stops.',
    boardQuestions: [
      'What does the board know about which GP practices hold regular liaison meetings with health visitors, and which do not?',
      'Is the board satisfied that the liaison meetings would continue if GP practices or health visiting teams came under greater pressure?',
      'How could news that cannot wait for the next meeting, such as a parent with depression not attending appointments, reach the health visitor sooner?',
    ],
    priority: 'medium',
    researchQuestions: [2, 1],
    status: 'emerging',
  },
];

/**
 * The demo pseudonym register for "Child A". The seeded narrative, conversations and documents
 * already use pseudonyms and roles ("Child A", "the mother", "the health visitor"); the family's
 * names here are invented for the register, and the practitioners are the demo case group.
 * The child, the mother and the sibling share a surname, so the surname alone is ambiguous.
 */
export function demoRegisterEntries(dateOfBirth: string): PseudonymEntryInput[] {
  const [year, month, day] = dateOfBirth.split('-');
  return [
    {
      category: 'child',
      realValue: 'Noah Quillfeather',
      variants: ['Noey', 'Noah Quilfeather'],
      replacement: 'Child A',
      note: 'The subject of the review.',
    },
    {
      category: 'family_member',
      realValue: 'Kerry-Ann Quillfeather',
      variants: ['Kerry Ann Quillfeather', 'Kerry Quillfeather', 'Kez'],
      replacement: 'Mother',
      note: 'Appears as “Kerry Quillfeather” in the GP records and as “Kez” in the nursery’s log.',
    },
    {
      category: 'family_member',
      realValue: 'Darren Stottlemire',
      variants: ['Daz', 'Darren Stottlemeyer'],
      replacement: 'Father',
      note: 'Child A’s father and the mother’s partner; misspelt in two police records.',
    },
    {
      category: 'family_member',
      realValue: 'Maisie Quillfeather',
      variants: ['Maise'],
      replacement: 'Sibling 1',
      note: 'Older half-sister; named in the police records of the call-outs.',
    },
    {
      category: 'practitioner',
      realValue: 'Amira Haddad',
      variants: ['Amira Hadad'],
      replacement: 'the health visitor',
      note: null,
    },
    {
      category: 'practitioner',
      realValue: 'Jordan Blake',
      variants: [],
      replacement: 'the social worker',
      note: 'The allocated social worker for the single agency assessment.',
    },
    {
      category: 'practitioner',
      realValue: 'Dr Owen Price',
      variants: ['Dr O Price'],
      replacement: 'the GP',
      note: null,
    },
    {
      category: 'place',
      realValue: 'Harrowby',
      variants: ['Harrowby Vale'],
      replacement: 'the town',
      note: 'The town where the family lives.',
    },
    {
      category: 'school',
      realValue: 'Little Acorns Day Nursery',
      variants: ['Little Acorns', 'Lil Acorns'],
      replacement: 'the nursery',
      note: null,
    },
    {
      category: 'address',
      realValue: '14 Wren Close, Harrowby, HB3 7QT',
      variants: ['14 Wren Cl'],
      replacement: 'the family home',
      note: 'The street and the postcode on their own are replaced too.',
    },
    {
      category: 'date_of_birth',
      realValue: `${day}/${month}/${year}`,
      variants: [],
      replacement: 'aged two years and eight months at the time of the incident',
      note: 'Child A’s date of birth. The same date written another way, such as with the month in words, is replaced too.',
    },
  ];
}
