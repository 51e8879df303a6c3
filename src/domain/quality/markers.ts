/*
 * The 18 quality markers for case reviews (NSPCC and SCIE, 2016), in their three phases, each with
 * its quality statement and self-assessment questions, paraphrased. They do not presume a review
 * model; they prompt discussion and judgement. Cite as NSPCC/SCIE (2016).
 */

export const qualityPhases = {
  set_up: 'Setting up the review',
  running: 'Running the review',
  outputs: 'Outputs and what follows',
} as const;
export type QualityPhase = keyof typeof qualityPhases;

export type QualityMarker = {
  number: number;
  phase: QualityPhase;
  title: string;
  statement: string;
  questions: readonly string[];
};

export const qualityMarkers: readonly QualityMarker[] = [
  {
    number: 1,
    phase: 'set_up',
    title: 'Referral',
    statement: 'The case is referred for consideration with a sound rationale and on time.',
    questions: [
      'Was the serious incident notified within five working days of the local authority knowing about it?',
      'Does the referral explain why the case may meet the criteria for a review?',
      'Did the agencies involved contribute what they knew promptly?',
    ],
  },
  {
    number: 2,
    phase: 'set_up',
    title: 'Decision making',
    statement:
      'Whether to review, and what kind of review, takes account of the case and the local context; the reasoning is clear, defensible and timely.',
    questions: [
      'Is the decision, and the reasoning behind it, recorded?',
      'Was the decision made within the statutory timescale (the rapid review within 15 working days)?',
      'Does the choice of review type reflect the case and what the partnership already knows?',
    ],
  },
  {
    number: 3,
    phase: 'set_up',
    title: 'Advising board members',
    statement: 'Board members see openly how the decision was reached and what it was.',
    questions: [
      'Were board members told of the decision and the reasons for it?',
      'Could board members ask questions or challenge the decision?',
    ],
  },
  {
    number: 4,
    phase: 'set_up',
    title: 'Informing the family',
    statement:
      'Family members are told the purpose, process and limits of the review, and are treated with respect.',
    questions: [
      'Were family members told about the review early, in writing and in a way they could understand?',
      'Were they told what the review is for and what it cannot do?',
      'Were they offered support and a named contact?',
    ],
  },
  {
    number: 5,
    phase: 'set_up',
    title: 'Clarity of purpose',
    statement:
      'From the start the board says openly that the aim is organisational learning and improvement, and names anything that complicates this.',
    questions: [
      'Do the terms of reference state that the purpose is learning and improvement, not blame?',
      'Are parallel processes or other complications named at the start?',
    ],
  },
  {
    number: 6,
    phase: 'running',
    title: 'Commissioning',
    statement:
      'The form and focus of the review reflect the case and the context, with board members’ input, decided together with the lead reviewers.',
    questions: [
      'Could board members contribute to the scope and focus?',
      'Could the lead reviewers shape the scope and approach?',
      'Do the terms of reference explain why the review is proportionate to the case and the context?',
    ],
  },
  {
    number: 7,
    phase: 'running',
    title: 'Governance',
    statement:
      'The review is independent and the board owns its findings; the arrangements manage the tension between the two.',
    questions: [
      'Are roles explicit from the start: who conducts the review, who quality-assures and challenges it, who is accountable?',
      'Are quality assurance and sign-off defined from the outset?',
      'Is there a way to challenge the information and analysis before they are final, and to resolve deadlock?',
    ],
  },
  {
    number: 8,
    phase: 'running',
    title: 'Review management',
    statement: 'The review is well managed, runs smoothly, finishes on time and within budget.',
    questions: [
      'Is there a clear plan with roles for passing information on?',
      'Is progress tracked against the timescales, and is the board told about delays?',
      'Is there enough administrative support and lead reviewer capacity?',
    ],
  },
  {
    number: 9,
    phase: 'running',
    title: 'Parallel processes',
    statement:
      'Where other processes run alongside, duplication, prejudice to trials, unnecessary delay and confusion for staff and family are kept to a minimum.',
    questions: [
      'Are the parallel processes known, with a contact for each?',
      'Has the review agreed with the police and the coroner what it can do and when?',
      'Are practitioners and the family told how the processes relate?',
    ],
  },
  {
    number: 10,
    phase: 'running',
    title: 'Assembling information',
    statement:
      'Enough information is gathered to analyse the case against normal working practice and the relevant organisational factors.',
    questions: [
      'Was the information and level of detail needed discussed and agreed?',
      'Were agencies guided on what to send and why?',
      'Does the information cover what happened, why it made sense at the time, and what is normal practice?',
    ],
  },
  {
    number: 11,
    phase: 'running',
    title: 'Practitioner involvement',
    statement: 'Practitioners and managers have a constructive experience of taking part.',
    questions: [
      'Did practitioners get clear information about the purpose of each conversation and meeting?',
      'Did agencies encourage and free their staff to take part?',
      'Was there support for practitioners in key roles and from smaller agencies?',
    ],
  },
  {
    number: 12,
    phase: 'running',
    title: 'Family involvement',
    statement: 'The review draws on what family members know and experienced during the period under review.',
    questions: [
      'Was it decided who in the family to involve, and why?',
      'Could family members help shape the focus of the review?',
      'Are the reasons recorded where family members were not involved?',
      'Were family members offered feedback on the draft report?',
    ],
  },
  {
    number: 13,
    phase: 'running',
    title: 'Analysis',
    statement:
      'The analysis is open and rigorous; it both judges and explains practice, and shows the routine difficulties practitioners face.',
    questions: [
      'Does the analysis establish what happened, appraise it and explain it?',
      'Do the explanations go beyond individual skills and procedures to the system?',
      'Are the techniques used to limit hindsight and outcome bias stated?',
      'Is enough of the working shown for others to critique it?',
    ],
  },
  {
    number: 14,
    phase: 'outputs',
    title: 'Report',
    statement:
      'The report makes plain the analysis and findings that matter most for improvement, keeps family detail to a minimum, and its findings reflect the evidenced explanations.',
    questions: [
      'Does the report set out the findings that matter most for improvement?',
      'Is family detail kept to what the reader needs, with nothing that could identify the family?',
      'Do the findings follow from the evidence shown?',
    ],
  },
  {
    number: 15,
    phase: 'outputs',
    title: 'Improvement action',
    statement: 'Well-informed discussion among agencies underpins agreement on what to do.',
    questions: [
      'Did the agencies discuss the findings before agreeing actions?',
      'Is each action owned, with a measure of success?',
    ],
  },
  {
    number: 16,
    phase: 'outputs',
    title: 'Board written response',
    statement:
      'The board agrees a clear, concise written response, ready for publication, on what action follows.',
    questions: [
      'Does the response answer each finding and its issues for the board?',
      'Is it ready to publish alongside the report?',
    ],
  },
  {
    number: 17,
    phase: 'outputs',
    title: 'Publication',
    statement:
      'Whether, when and how to publish the report and response is decided with care for its impact.',
    questions: [
      'Is the decision to publish, or not, recorded with its reasons?',
      'Were the national panel and the Department for Education told before publication?',
      'Were the family and practitioners prepared for publication?',
    ],
  },
  {
    number: 18,
    phase: 'outputs',
    title: 'Implementation and evaluation',
    statement:
      'The board builds the learning and its response into its business plan and monitors whether services actually improve.',
    questions: [
      'Are the actions in the business plan with owners and dates?',
      'Does the board check whether practice and outcomes improved, not only whether actions were done?',
    ],
  },
];

/** A marker by its number (1 to 18), or nothing. */
export function findQualityMarker(number: number): QualityMarker | undefined {
  return qualityMarkers.find((m) => m.number === number);
}
