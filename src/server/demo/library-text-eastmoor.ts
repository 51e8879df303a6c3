import type { FactorGroup } from '#domain/conversation/factors.ts';
import type { LibraryTheme } from '#domain/library/library.ts';
import type { AgencySector } from '#domain/partnership/agency.ts';
import type { ReviewType } from '#domain/review/review.ts';

export const EASTMOOR_SLUG = 'demo-eastmoor';
export const EASTMOOR_NAME = 'Eastmoor Safeguarding Children Partnership (demo)';
export const EASTMOOR_IMPORT_FILE = 'eastmoor-published-findings.csv';

/** One published finding of another partnership, as its CSV import would hold it. */
export type ImportedFinding = {
  reviewTitle: string;
  reviewType: ReviewType;
  publishedOn: string;
  statement: string;
  whyItMatters: string;
  howItShowed: string;
  typologyCode: string;
  themes: LibraryTheme[];
  factorGroups: FactorGroup[];
  agencySectors: AgencySector[];
  reportUrl: string;
};

const childE = {
  reviewTitle: 'Child E',
  reviewType: 'lcspr',
  publishedOn: '2021-11-30',
  reportUrl: 'https://eastmoor-scp.example/reviews/child-e',
} as const;
const childF = {
  reviewTitle: 'Child F',
  reviewType: 'lcspr',
  publishedOn: '2023-06-15',
  reportUrl: 'https://eastmoor-scp.example/reviews/child-f',
} as const;
const youngPeople = {
  reviewTitle: 'Young people G and H',
  reviewType: 'themed_review',
  publishedOn: '2025-03-28',
  reportUrl: 'https://eastmoor-scp.example/reviews/young-people-g-and-h',
} as const;

/**
 * Seven published findings from three reviews of the fictional Eastmoor partnership, 2021 to 2025,
 * already anonymised as their published reports are: one about safer sleep advice, one about how
 * domestic abuse call-outs are shared, and others across the typology.
 */
export const eastmoorFindings: ImportedFinding[] = [
  {
    ...childE,
    statement:
      'Safer sleep advice is given at birth and at the new birth visit but is not revisited when a family’s circumstances change, such as a move, a new partner or a night away from home, which are the times infants are most often put down to sleep in unsafe places.',
    whyItMatters:
      'Most sudden unexpected infant deaths happen when the usual routine is disrupted. Advice given once, early, to one parent does not reach the moments that matter most.',
    howItShowed:
      'Child E’s family moved to temporary accommodation when Child E was eleven weeks old, without a cot. Three professionals were in contact during the move; none talked about where Child E would sleep.',
    typologyCode: 'family_professional',
    themes: ['safer_sleep', 'men_in_families'],
    factorGroups: ['family', 'role'],
    agencySectors: ['health_community', 'health_acute', 'housing'],
  },
  {
    ...childE,
    statement:
      'Maternity and health visiting records do not share a common view of who lives in a baby’s household, so a father or partner known to other services may never be asked about or assessed.',
    whyItMatters:
      'A man in the household is part of a baby’s care and safety. If each record names a different household, no professional sees the whole picture, and the adult whose history matters most can stay unknown.',
    howItShowed:
      'The maternity record named Child E’s father; the health visiting record named the mother’s new partner, who was known to probation. Neither record was updated from the other.',
    typologyCode: 'longer_term',
    themes: ['men_in_families', 'information_sharing'],
    factorGroups: ['inter_agency', 'organisational'],
    agencySectors: ['health_acute', 'health_community', 'probation'],
  },
  {
    ...childF,
    statement:
      'Notifications of domestic abuse incidents reach children’s social care but not the school or the health visitor by the next day, so the professionals who see a child most often do not know what happened the night before.',
    whyItMatters:
      'A school that knows about an incident can offer a quiet word, make allowances and watch for changes; one that does not may treat a frightened, tired child as badly behaved. The same holds for a health visitor’s next visit.',
    howItShowed:
      'Police attended Child F’s home six times in a year. The school learned of one incident, from Child F. The health visitor learned of none.',
    typologyCode: 'incidents_crises',
    themes: ['domestic_abuse', 'information_sharing'],
    factorGroups: ['inter_agency', 'conditions_of_work'],
    agencySectors: ['police', 'education', 'health_community'],
  },
  {
    ...childF,
    statement:
      'Multi-agency risk assessment conferences plan for the adult victim’s safety, and the children in the household are named but their own needs are seldom planned for.',
    whyItMatters:
      'Children living with domestic abuse are victims in their own right. A plan that protects the adult but does not ask what the children need leaves them without anyone responsible for their recovery.',
    howItShowed:
      'Child F’s mother was discussed at the conference twice. The minutes list Child F by name and record the actions for the mother’s safety; no action concerned Child F.',
    typologyCode: 'longer_term',
    themes: ['domestic_abuse', 'voice_of_the_child'],
    factorGroups: ['inter_agency', 'organisational'],
    agencySectors: ['police', 'childrens_social_care', 'voluntary'],
  },
  {
    ...youngPeople,
    statement:
      'Conversations with young people after they return from being missing are recorded apart from the police missing person record, so a pattern of where a young person goes, and with whom, is hard to put together.',
    whyItMatters:
      'Exploitation shows in patterns of places and people over time. When each return is recorded in a different system, no one sees the pattern until harm has happened.',
    howItShowed:
      'G went missing nine times in four months. The return conversations named the same two addresses four times; the police records held the addresses where G was found.',
    typologyCode: 'tools',
    themes: ['exploitation', 'information_sharing'],
    factorGroups: ['conditions_of_work', 'inter_agency'],
    agencySectors: ['police', 'childrens_social_care'],
  },
  {
    ...youngPeople,
    statement:
      'While a young person waits for a specialist mental health assessment, each agency treats the wait as part of another agency’s plan, so no one holds the risk in between.',
    whyItMatters:
      'Waits for assessment can last months, and risk of self-harm does not wait with them. Without a named person holding the plan, help depends on whoever the young person turns to in a crisis.',
    howItShowed:
      'H waited 19 weeks for an assessment. The school, the GP and children’s social care each recorded that H was on the waiting list as the plan.',
    typologyCode: 'management_systems',
    themes: ['child_mental_health'],
    factorGroups: ['organisational', 'inter_agency'],
    agencySectors: ['health_mental_health', 'education', 'health_gp', 'childrens_social_care'],
  },
  {
    ...youngPeople,
    statement:
      'A named youth worker who stays with a young person across services builds the trust that lets them say what is happening, and where this role exists disclosures of exploitation come earlier.',
    whyItMatters:
      'Young people being exploited rarely tell a professional they have just met. A relationship that lasts across moves and services is often the one in which they first say what is happening.',
    howItShowed:
      'G’s youth worker stayed with G through two placement moves and a change of school, and was the person G first told about the adults G was meeting.',
    typologyCode: 'family_professional',
    themes: ['exploitation', 'voice_of_the_child'],
    factorGroups: ['role', 'personal'],
    agencySectors: ['voluntary', 'childrens_social_care'],
  },
];
