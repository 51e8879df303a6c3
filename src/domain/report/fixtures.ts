import type { RegisterEntry } from '../pseudonym/register.ts';
import type { Block, ReportDocument, Section } from './document.ts';
import type { NarrativeKey, ReportFacts } from './report.ts';

/*
 * A realistic review for tests of the report: “Child A”, with three key practice episodes, two
 * findings, two research questions (the second not yet answered by a finding), its pseudonym
 * register, and a narrative that still uses real names, as a first draft often does.
 */

/** The pseudonym register of the review. “Smith” on its own could be the child or the mother. */
export const reportRegisterFixture: readonly RegisterEntry[] = [
  { category: 'child', realValue: 'Jayden Smith', variants: ['Jay'], replacement: 'Child A' },
  { category: 'family_member', realValue: 'Kelly Smith', variants: [], replacement: 'Mother' },
  { category: 'family_member', realValue: 'Dean Walsh', variants: [], replacement: 'Mother’s partner' },
  { category: 'practitioner', realValue: 'Sarah Patel', variants: [], replacement: 'the health visitor' },
  {
    category: 'school',
    realValue: 'Oakfield Primary School',
    variants: ['Oakfield'],
    replacement: 'the school',
  },
  { category: 'place', realValue: 'Brackley Heath', variants: [], replacement: 'the town' },
  {
    category: 'date_of_birth',
    realValue: '14/02/2016',
    variants: [],
    replacement: 'the child’s date of birth',
  },
];

/** The records of the review, as the server gathers them for the builder. */
export const reportFactsFixture: ReportFacts = {
  partnershipName: 'Northshire Safeguarding Children Partnership',
  review: {
    title: 'Child A',
    typeLabel: 'Local child safeguarding practice review (LCSPR)',
    initiatedDate: '2024-03-04',
    scopeFrom: '2022-09-01',
    scopeTo: '2023-11-30',
    purposeStatement:
      'To understand how agencies worked together to protect a child who moved school twice in a year.',
    proportionalityRationale:
      'The period starts when the family moved to the area.\nIt ends when the child became subject to a child protection plan.',
  },
  versionNumber: 2,
  generatedOn: '2024-09-16',
  family: [
    { category: 'child', pseudonym: 'Child A' },
    { category: 'family_member', pseudonym: 'Mother' },
    { category: 'family_member', pseudonym: 'Mother’s partner' },
  ],
  leadReviewers: [
    { name: 'Ruth Hale', jobTitle: 'Independent lead reviewer', agencyName: 'Hale Review Associates' },
    { name: 'Tom Okafor', jobTitle: 'Independent lead reviewer', agencyName: null },
  ],
  reviewTeam: [
    { roleLabel: 'Review team member', jobTitle: 'Head of Service', agencyName: 'Children’s Social Care' },
    { roleLabel: 'Review team member', jobTitle: 'Detective Inspector', agencyName: 'Northshire Police' },
    { roleLabel: 'Review team member', jobTitle: 'Designated Nurse', agencyName: 'Integrated Care Board' },
    {
      roleLabel: 'Chair',
      jobTitle: 'Safeguarding Partnership Manager',
      agencyName: 'Children’s Social Care',
    },
  ],
  caseGroup: [
    { jobTitle: 'Social worker', agencyName: 'Children’s Social Care', hadConversation: true },
    { jobTitle: 'Team manager', agencyName: 'Children’s Social Care', hadConversation: true },
    { jobTitle: 'Health visitor', agencyName: 'Community Health Services', hadConversation: true },
    { jobTitle: 'Designated safeguarding lead', agencyName: 'Primary school', hadConversation: true },
    { jobTitle: 'Police constable', agencyName: 'Northshire Police', hadConversation: false },
  ],
  familyTookPart: true,
  conversationsHeld: 5,
  researchQuestions: [
    { id: 'rq-2', position: 2, text: 'How are the views of fathers and partners heard in assessments?' },
    { id: 'rq-1', position: 1, text: 'How well is information shared when a child moves school?' },
  ],
  episodes: [
    {
      number: 1,
      title: 'The school notices bruising',
      periodFrom: '2022-10-03',
      periodTo: '2022-10-05',
      agencyNames: ['Primary school', 'Children’s Social Care'],
      whatHappened:
        'Staff at Oakfield Primary School saw bruising on Jayden’s arm.\nThey made a referral the same day.\n\nJay said he had fallen in the park.',
      localRationality:
        'The designated safeguarding lead knew the family had just arrived and had no earlier records to go on.',
      appraisalLabel: 'Good',
      goodPractice: true,
    },
    {
      number: 3,
      title: 'The case is closed after a single assessment',
      periodFrom: '2023-02-14',
      periodTo: '2023-02-14',
      agencyNames: ['Children’s Social Care'],
      whatHappened: 'The assessment did not include Dean Walsh, who had moved into the home.',
      localRationality: 'The social worker was told he did not live there, and had 28 other children to see.',
      appraisalLabel: 'Problematic',
      goodPractice: false,
    },
    {
      number: 2,
      title: 'The health visitor’s home visit',
      periodFrom: '2022-11-21',
      periodTo: '2022-12-02',
      agencyNames: ['Community Health Services'],
      whatHappened: 'Sarah Patel visited Kelly Smith at home in Brackley Heath and found the home cold.',
      localRationality: 'The visit was arranged for the baby, and the older child was at school.',
      appraisalLabel: null,
      goodPractice: false,
    },
  ],
  findings: [
    {
      number: 2,
      statement: 'Men who live in or visit the home are rarely part of assessments.',
      typology: { code: 'family_professional', name: 'Family–professional interaction' },
      polarityLabel: 'A risk to the reliability of the system',
      episodeNumbers: [3],
      howItShowed: 'Dean Walsh was not seen during the assessment.',
      prevalenceSourceLabels: ['Audit'],
      prevalenceEvidence: 'An audit of 40 assessments found partners recorded in 9.',
      currencyLabel: null,
      currencyNote: null,
      whyItMatters: 'Risks from adults in the home are missed.',
      boardQuestions: ['How will the partnership know that partners are seen?'],
      recommendations: [],
      priorityLabel: null,
      researchQuestionIds: [],
    },
    {
      number: 1,
      statement: 'Records do not follow a child who moves school mid-year.',
      typology: { code: 'longer_term', name: 'Multi-agency working in assessment and longer-term work' },
      polarityLabel: 'A risk to the reliability of the system',
      episodeNumbers: [3, 1],
      howItShowed:
        'When Jayden Smith joined Oakfield, his earlier school’s concerns had not arrived.\n\nKelly’s move was not known to health services.',
      prevalenceSourceLabels: ['Review team members’ knowledge of their agencies', 'Data'],
      prevalenceEvidence: 'A third of mid-year moves last year had records arrive after a month or more.',
      currencyLabel: 'Still happening',
      currencyNote: 'A new transfer process starts next year.',
      whyItMatters: 'Schools start from nothing when a child most needs them to know the history.',
      boardQuestions: [
        'How do schools know records are missing?',
        'Who checks that records arrive within five days?',
      ],
      recommendations: [
        { text: 'Set a standard for the transfer of safeguarding records.', addressee: 'Education' },
        { text: 'Report on transfers each quarter.', addressee: null },
      ],
      priorityLabel: 'High',
      researchQuestionIds: ['rq-1'],
    },
  ],
};

/** The lead reviewers’ narrative, a first draft: real names still in it; the methodology and the window not written. */
export const reportNarrativeFixture: Partial<Record<NarrativeKey, string | null>> = {
  whyThisCase:
    'Jayden Smith was seriously injured at home in November 2023.\n\nThe partners wanted to learn about school moves.',
  caseSummary:
    'Jayden lived with his mother, Kelly Smith, and her partner Dean Walsh in Brackley Heath.\nHe was born on 14/02/2016.\n\n' +
    'He moved to Oakfield Primary School in September 2022.',
  familyComposition: 'Child A has a younger half-sibling, who is not part of this review.',
  methodology: null,
  independence: 'Neither lead reviewer has worked for any agency in Northshire.',
  acknowledgements: 'We thank Kelly and the case group for their time.',
  limitations: 'The police constable had left the force and could not take part in a conversation.',
  appraisalOverview: 'Mrs Smith told us that Kelly’s worries were not heard.\n\nPractice was mixed.',
  windowOnSystem: '   ',
};

/** The same review before anything is recorded: no people, questions, episodes or findings. */
export const emptyReportFactsFixture: ReportFacts = {
  ...reportFactsFixture,
  review: {
    ...reportFactsFixture.review,
    scopeFrom: null,
    scopeTo: null,
    purposeStatement: null,
    proportionalityRationale: null,
  },
  family: [],
  leadReviewers: [],
  reviewTeam: [],
  caseGroup: [],
  familyTookPart: false,
  conversationsHeld: 0,
  researchQuestions: [],
  episodes: [],
  findings: [],
};

const flatten = (sections: readonly Section[]): Section[] =>
  sections.flatMap((s) => [s, ...flatten(s.sections)]);

/** The section of a document with this id (throws when there is none, so a test says which). */
export function sectionOf(doc: ReportDocument, id: string): Section {
  const found = flatten(doc.sections).find((s) => s.id === id);
  if (!found) throw new Error(`The document has no section ${id}`);
  return found;
}

/** The text of each paragraph among the blocks. */
export const paragraphsOf = (blocks: readonly Block[]) =>
  blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
/** The lists among the blocks. */
export const listsOf = (blocks: readonly Block[]) => blocks.flatMap((b) => (b.kind === 'list' ? [b] : []));
/** The tables among the blocks. */
export const tablesOf = (blocks: readonly Block[]) => blocks.flatMap((b) => (b.kind === 'table' ? [b] : []));
