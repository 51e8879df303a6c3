import {
  appraisalSection,
  findingsSection,
  findingsSummarySection,
  researchQuestionsSection,
} from './build-findings.ts';
import { introductionSection, limitationsSection, reportSubtitle } from './build-introduction.ts';
import {
  formatReportPeriod,
  joinWords,
  narrativeBlocks,
  notRecorded,
  paragraph,
  section,
  table,
} from './build-text.ts';
import type { ReportDocument, Section } from './document.ts';
import { reportGlossary } from './glossary.ts';
import { type NarrativeKey, narrativeSections, type ReportFacts } from './report.ts';

export { findingTitle } from './build-findings.ts';
export { reportSubtitle } from './build-introduction.ts';
export { formatReportDate, formatReportPeriod, notWrittenYet, textParagraphs } from './build-text.ts';

const orNotRecorded = (value: string | null) => value?.trim() || notRecorded;

/** The appendices: the review team and the case group by role and agency (never by name), the episodes and the glossary. */
function appendicesSection(facts: ReportFacts): Section {
  const episodes = [...facts.episodes].sort((a, b) => a.number - b.number);
  return section(
    'appendices',
    'Appendices',
    'generated',
    [],
    [
      section(
        'appendices.review-team',
        'The review team',
        'generated',
        facts.reviewTeam.length
          ? [
              table(
                'Members of the review team, by role and agency',
                ['Role', 'Job title', 'Agency'],
                facts.reviewTeam.map((m) => [
                  m.roleLabel,
                  orNotRecorded(m.jobTitle),
                  orNotRecorded(m.agencyName),
                ]),
              ),
            ]
          : [paragraph('No members of the review team are recorded yet.')],
      ),
      section(
        'appendices.case-group',
        'The case group',
        'generated',
        facts.caseGroup.length
          ? [
              table(
                'Members of the case group, by job title and agency',
                ['Job title', 'Agency'],
                facts.caseGroup.map((m) => [orNotRecorded(m.jobTitle), orNotRecorded(m.agencyName)]),
              ),
            ]
          : [paragraph('No members of the case group are recorded yet.')],
      ),
      section(
        'appendices.episodes',
        'Key practice episodes',
        'generated',
        episodes.length
          ? [
              table(
                'The key practice episodes',
                ['Number', 'Episode', 'Period', 'Agencies', 'Appraisal'],
                episodes.map((e) => [
                  String(e.number),
                  e.title.replace(/\s+/gu, ' ').trim(),
                  formatReportPeriod(e.periodFrom, e.periodTo),
                  e.agencyNames.length ? joinWords(e.agencyNames) : notRecorded,
                  e.appraisalLabel ?? 'Not appraised yet',
                ]),
              ),
            ]
          : [paragraph('No key practice episodes have been identified yet.')],
      ),
      section('appendices.glossary', 'Glossary', 'generated', [
        table(
          'The words used in this report',
          ['Term', 'Meaning'],
          reportGlossary.map((g) => [g.term, g.meaning]),
        ),
      ]),
    ],
  );
}

/**
 * Builds the report of a review as a document model, in the Learning Together structure, from the
 * review's records and the lead reviewers' narrative (not yet pseudonymised: see anonymise.ts).
 */
export function buildReportDocument(
  facts: ReportFacts,
  narrative: Partial<Record<NarrativeKey, string | null>>,
): ReportDocument {
  const subtitle = reportSubtitle(facts.review.typeLabel);
  return {
    schemaVersion: 1,
    title: facts.review.title,
    subtitle,
    partnershipName: facts.partnershipName,
    versionNumber: facts.versionNumber,
    generatedOn: facts.generatedOn,
    sections: [
      introductionSection(facts, subtitle, narrative),
      limitationsSection(facts, narrative),
      researchQuestionsSection(facts),
      appraisalSection(facts, narrative),
      section(
        'window',
        narrativeSections.windowOnSystem.title,
        'narrative',
        narrativeBlocks(narrative.windowOnSystem),
      ),
      findingsSummarySection(facts),
      findingsSection(facts),
      appendicesSection(facts),
    ],
  };
}
