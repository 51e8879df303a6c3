import {
  formatReportPeriod,
  joinWords,
  list,
  minorHeading,
  narrativeBlocks,
  paragraph,
  paragraphsOr,
  section,
  table,
  textParagraphs,
} from './build-text.ts';
import type { Block, Section } from './document.ts';
import type { NarrativeKey, ReportFacts } from './report.ts';

type Finding = ReportFacts['findings'][number];

const oneLine = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** A finding as its heading reads: “Finding 2: Referrals between agencies…”. */
export function findingTitle(finding: Pick<Finding, 'number' | 'statement'>): string {
  const statement = oneLine(finding.statement).replace(/\.$/u, '');
  return statement ? `Finding ${finding.number}: ${statement}` : `Finding ${finding.number}`;
}

const byNumber = <T extends { number: number }>(items: readonly T[]) =>
  [...items].sort((a, b) => a.number - b.number);

/** The research questions, each with the findings that answer it. */
export function researchQuestionsSection(facts: ReportFacts): Section {
  const questions = [...facts.researchQuestions].sort((a, b) => a.position - b.position);
  const findings = byNumber(facts.findings);
  const blocks: Block[] = questions.length
    ? questions.flatMap((q, i) => {
        const answers = findings.filter((f) => f.researchQuestionIds.includes(q.id));
        return [
          minorHeading(`Research question ${i + 1}`),
          ...paragraphsOr(q.text, 'The question has not been written yet.'),
          ...(answers.length
            ? [
                paragraph(
                  answers.length === 1 ? 'The finding that answers it:' : 'The findings that answer it:',
                ),
                list(answers.map(findingTitle)),
              ]
            : [paragraph('No finding answers this question yet.')]),
        ];
      })
    : [paragraph('The terms of reference set no research questions.')];
  return section(
    'research-questions',
    'The research questions and how the findings answer them',
    'generated',
    blocks,
  );
}

/** The appraisal of practice: the lead reviewers’ overview, then a synopsis of each key practice episode. */
export function appraisalSection(
  facts: ReportFacts,
  narrative: Partial<Record<NarrativeKey, string | null>>,
): Section {
  const episodes = byNumber(facts.episodes);
  const blocks = narrativeBlocks(narrative.appraisalOverview);
  if (!episodes.length) blocks.push(paragraph('No key practice episodes have been identified yet.'));
  return section(
    'appraisal',
    'Appraisal of practice',
    'mixed',
    blocks,
    episodes.map((e) =>
      section(
        `appraisal.episode-${e.number}`,
        `Key practice episode ${e.number}: ${oneLine(e.title)}`,
        'generated',
        [
          paragraph(`Period: ${formatReportPeriod(e.periodFrom, e.periodTo)}.`),
          paragraph(
            e.agencyNames.length
              ? `Agencies involved: ${joinWords(e.agencyNames)}.`
              : 'Agencies involved: not recorded.',
          ),
          minorHeading('What happened'),
          ...paragraphsOr(e.whatHappened, 'Not written yet.'),
          minorHeading('What made sense at the time'),
          ...paragraphsOr(e.localRationality, 'Not written yet.'),
          minorHeading('Appraisal'),
          paragraph(e.appraisalLabel ? `${e.appraisalLabel}.` : 'Not appraised yet.'),
          ...(e.goodPractice ? [paragraph('This episode shows good practice.')] : []),
        ],
      ),
    ),
  );
}

/** The summary of findings: one table row for each finding. */
export function findingsSummarySection(facts: ReportFacts): Section {
  const findings = byNumber(facts.findings);
  return section(
    'findings-summary',
    'Summary of findings',
    'generated',
    findings.length
      ? [
          table(
            'The findings of this review',
            ['Number', 'Finding', 'Category', 'Risk or strength'],
            findings.map((f) => [
              String(f.number),
              oneLine(f.statement),
              f.typology?.name ?? 'Not categorised yet',
              f.polarityLabel,
            ]),
          ),
        ]
      : [paragraph('No findings have been recorded yet.')],
  );
}

function findingBlocks(f: Finding): Block[] {
  const episodes = [...f.episodeNumbers].sort((a, b) => a - b);
  return [
    minorHeading('The finding'),
    ...paragraphsOr(f.statement, 'Not written yet.'),
    minorHeading('Category'),
    paragraph(
      `${f.typology ? `${f.typology.name}.` : 'Not categorised yet.'} ${f.polarityLabel}.` +
        (f.priorityLabel ? ` Priority: ${f.priorityLabel.toLowerCase()}.` : ''),
    ),
    minorHeading('How it showed in this case'),
    ...paragraphsOr(f.howItShowed, 'Not written yet.'),
    paragraph(
      episodes.length
        ? `Key practice ${episodes.length === 1 ? 'episode' : 'episodes'}: ${episodes.join(', ')}`
        : 'Key practice episodes: none linked yet',
    ),
    minorHeading('How we know it is not a quirk of this case'),
    ...(f.prevalenceSourceLabels.length
      ? [paragraph('Where the evidence comes from:'), list(f.prevalenceSourceLabels)]
      : []),
    ...paragraphsOr(f.prevalenceEvidence, 'Not written yet.'),
    minorHeading('Is it still current'),
    paragraph(`${f.currencyLabel ?? 'Not known'}.`),
    ...textParagraphs(f.currencyNote).map(paragraph),
    minorHeading('Why it matters'),
    ...paragraphsOr(f.whyItMatters, 'Not written yet.'),
    minorHeading('Issues for the board'),
    ...(f.boardQuestions.length
      ? [list(f.boardQuestions.map(oneLine), true)]
      : [paragraph('No issues for the board yet.')]),
    ...(f.recommendations.length
      ? [
          minorHeading('Recommendations'),
          list(
            f.recommendations.map((r) =>
              r.addressee?.trim() ? `For ${oneLine(r.addressee)}: ${oneLine(r.text)}` : oneLine(r.text),
            ),
          ),
        ]
      : []),
  ];
}

/** The findings in detail, each in the fixed block of the Learning Together report. */
export function findingsSection(facts: ReportFacts): Section {
  const findings = byNumber(facts.findings);
  return section(
    'findings',
    'Findings',
    'generated',
    findings.length
      ? [
          paragraph(
            'Each finding describes a pattern in how the local system works, not only in this case. ' +
              'Each is set out in the same way: the finding, its category, how it showed in this case, ' +
              'how we know it is not a quirk of this case, whether it is still current, why it matters and the issues for the board.',
          ),
        ]
      : [paragraph('No findings have been recorded yet.')],
    findings.map((f) =>
      section(`findings.finding-${f.number}`, findingTitle(f), 'generated', findingBlocks(f)),
    ),
  );
}
