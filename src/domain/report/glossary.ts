/** A word used in the report, with its meaning in plain English. */
export type GlossaryTerm = { term: string; meaning: string };

const terms: GlossaryTerm[] = [
  {
    term: 'Learning Together (the systems model)',
    meaning:
      'A way of reviewing cases developed by the Social Care Institute for Excellence. It asks why actions made sense to the people involved at the time, and uses the case as a window on how the local system usually works.',
  },
  {
    term: 'Safeguarding partners',
    meaning:
      'The local authority, the police and health (the integrated care board), who together lead the local arrangements to safeguard children. They commission the review and sign it off.',
  },
  {
    term: 'Rapid review',
    meaning:
      'A short review the safeguarding partners carry out within 15 working days of a serious incident notification, to decide whether a fuller review is needed.',
  },
  {
    term: 'Local child safeguarding practice review',
    meaning:
      'A review the safeguarding partners commission when a case raises issues of importance for their area, to find what needs to change to protect children better.',
  },
  {
    term: 'Child Safeguarding Practice Review Panel',
    meaning:
      'The national panel that reviews serious cases of national importance and receives the local reviews, so that learning can be shared across England.',
  },
  {
    term: 'Lead reviewers',
    meaning:
      'Usually two reviewers, independent of the agencies involved, who lead the analysis and write the report.',
  },
  {
    term: 'Review team',
    meaning:
      'Senior managers from each agency involved, who were not involved in the case. They analyse the case with the lead reviewers and judge whether a pattern is typical of their agency.',
  },
  {
    term: 'Case group',
    meaning:
      'The frontline practitioners and first-line managers who worked with the child and family. Each had a conversation with the lead reviewers and they took part throughout the review.',
  },
  {
    term: 'Key practice episode',
    meaning:
      'A point in the case where practice was significant to how things turned out, chosen from the multi-agency narrative for closer analysis.',
  },
  {
    term: 'Local rationality',
    meaning:
      'What made sense to a practitioner at the time, given what they knew, the tools they had and the pressures they were under.',
  },
  {
    term: 'Hindsight bias',
    meaning:
      'Knowing how a case turned out makes it look more foreseeable than it was. The review works to judge practice by what was known at the time.',
  },
  {
    term: 'Appraisal of practice',
    meaning:
      'A judgement of the practice in a key practice episode (good, adequate, problematic or mixed), fair to what was knowable at the time.',
  },
  {
    term: 'Contributory factors',
    meaning:
      'The things that made the practice in an episode more or less likely, such as workload, tools, team culture or how agencies worked together.',
  },
  {
    term: 'Finding (about the system)',
    meaning:
      'An underlying pattern in how the local system works that makes good or poor practice more likely in every case, not only this one.',
  },
  {
    term: 'Typology of findings',
    meaning:
      'The six categories of underlying patterns a finding is coded to: human–tool operation; human–management system operation; multi-agency working in response to incidents and crises; multi-agency working in assessment and longer-term work; family–professional interaction; human judgement and reasoning.',
  },
  {
    term: 'Issues for the board',
    meaning:
      'Questions each finding puts to the safeguarding partners, which they answer in their written response, instead of or as well as recommendations.',
  },
  {
    term: 'Pseudonym',
    meaning:
      'A name used in place of a real one, like “Child A”, so that the child and family cannot be identified. Practitioners are named only by their role.',
  },
];

/** The glossary printed as the last appendix of every report, in alphabetical order. */
export const reportGlossary: readonly GlossaryTerm[] = terms.sort((a, b) =>
  a.term.localeCompare(b.term, 'en-GB'),
);
