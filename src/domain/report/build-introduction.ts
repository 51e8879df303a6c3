import {
  countBy,
  countOf,
  formatReportDate,
  joinWords,
  list,
  narrativeBlocks,
  paragraph,
  section,
  textParagraphs,
} from './build-text.ts';
import type { Block, Section } from './document.ts';
import { defaultMethodology, type NarrativeKey, narrativeSections, type ReportFacts } from './report.ts';

type Narrative = Partial<Record<NarrativeKey, string | null>>;

/** The kind of review as a subtitle: “Local child safeguarding practice review”, without the abbreviation. */
export function reportSubtitle(typeLabel: string): string {
  return typeLabel.replace(/\s*\([^)]*\)\s*$/u, '').trim() || typeLabel;
}

const agencyOf = (p: { agencyName: string | null }) => p.agencyName?.trim() || 'Agency not recorded';

function leadReviewer(p: ReportFacts['leadReviewers'][number]): string {
  const about = [p.jobTitle, p.agencyName].filter((x): x is string => !!x?.trim());
  return about.length ? `${p.name} (${about.join(', ')})` : p.name;
}

function familyBlocks(facts: ReportFacts, narrative: Narrative): Block[] {
  const blocks: Block[] = facts.family.length
    ? [
        paragraph('The report calls the child and the members of the family by these pseudonyms:'),
        list(facts.family.map((f) => (f.category === 'child' ? `${f.pseudonym} (child)` : f.pseudonym))),
      ]
    : [paragraph('The pseudonym register does not list the child or any family members yet.')];
  return [...blocks, ...textParagraphs(narrative.familyComposition).map(paragraph)];
}

function periodBlocks(review: ReportFacts['review']): Block[] {
  const { scopeFrom: from, scopeTo: to } = review;
  const period =
    from && to
      ? `The review looked at the period from ${formatReportDate(from)} to ${formatReportDate(to)}.`
      : from
        ? `The review looked at the period from ${formatReportDate(from)} onwards.`
        : to
          ? `The review looked at the period up to ${formatReportDate(to)}.`
          : 'The period under review has not been set yet.';
  return [paragraph(period), ...textParagraphs(review.proportionalityRationale).map(paragraph)];
}

function reviewerBlocks(facts: ReportFacts, narrative: Narrative): Block[] {
  const leads = facts.leadReviewers.map(leadReviewer);
  const blocks: Block[] = [
    paragraph(
      leads.length === 0
        ? 'The lead reviewers are not recorded yet.'
        : `The ${leads.length === 1 ? 'lead reviewer was' : 'lead reviewers were'} ${joinWords(leads)}.`,
    ),
  ];
  const team = facts.reviewTeam;
  if (team.length === 0) blocks.push(paragraph('No members of the review team are recorded yet.'));
  else {
    const byAgency = countBy(team, agencyOf);
    blocks.push(
      paragraph(
        `The review team had ${countOf(team.length, 'member', 'members')} from ${countOf(byAgency.length, 'agency', 'agencies')}:`,
      ),
      list(byAgency.map(([agency, people]) => `${agency}: ${countOf(people.length, 'member', 'members')}`)),
    );
  }
  return [...blocks, ...narrativeBlocks(narrative.independence)];
}

/** The introduction: why this case, the summary, the family, the period, the methodology, the reviewers and the acknowledgements. */
export function introductionSection(facts: ReportFacts, subtitle: string, narrative: Narrative): Section {
  const { review } = facts;
  const opening = paragraph(
    `This is the report of the ${subtitle.charAt(0).toLowerCase()}${subtitle.slice(1)} about ${review.title}, ` +
      `commissioned by ${facts.partnershipName}. The review began on ${formatReportDate(review.initiatedDate)}.`,
  );
  return section(
    'introduction',
    'Introduction',
    'mixed',
    [opening, ...textParagraphs(review.purposeStatement).map(paragraph)],
    [
      section(
        'introduction.why-this-case',
        narrativeSections.whyThisCase.title,
        'narrative',
        narrativeBlocks(narrative.whyThisCase),
      ),
      section(
        'introduction.summary',
        narrativeSections.caseSummary.title,
        'narrative',
        narrativeBlocks(narrative.caseSummary),
      ),
      section('introduction.family', 'Family composition', 'mixed', familyBlocks(facts, narrative)),
      section('introduction.period', 'Period under review', 'generated', periodBlocks(review)),
      section(
        'introduction.methodology',
        narrativeSections.methodology.title,
        'narrative',
        narrativeBlocks(narrative.methodology?.trim() ? narrative.methodology : defaultMethodology),
      ),
      section(
        'introduction.reviewers',
        narrativeSections.independence.title,
        'mixed',
        reviewerBlocks(facts, narrative),
      ),
      section(
        'introduction.acknowledgements',
        narrativeSections.acknowledgements.title,
        'narrative',
        narrativeBlocks(narrative.acknowledgements),
      ),
    ],
  );
}

/** The methodological comment and limitations: who took part, who did not, and the lead reviewers’ comment. */
export function limitationsSection(facts: ReportFacts, narrative: Narrative): Section {
  const group = facts.caseGroup;
  const talked = (people: readonly { hadConversation: boolean }[]) =>
    people.filter((p) => p.hadConversation).length;
  const blocks: Block[] = [];
  if (group.length === 0) blocks.push(paragraph('No members of the case group are recorded yet.'));
  else {
    const had = talked(group);
    blocks.push(
      paragraph(
        `The case group had ${countOf(group.length, 'member', 'members')}. ` +
          `${had === group.length ? (had === 1 ? 'They' : 'All of them') : had === 0 ? 'None of them' : `${had} of them`} ` +
          `had a conversation with the lead reviewers. By agency:`,
      ),
      list(
        countBy(group, agencyOf).map(([agency, people]) => {
          const n = talked(people);
          return `${agency}: ${countOf(people.length, 'member', 'members')}; ${n === 0 ? 'none' : n} had a conversation`;
        }),
      ),
    );
  }
  blocks.push(
    paragraph(
      facts.conversationsHeld === 1
        ? 'In all, 1 conversation was held.'
        : `In all, ${facts.conversationsHeld === 0 ? 'no' : facts.conversationsHeld} conversations were held.`,
    ),
    paragraph(
      facts.familyTookPart
        ? 'Members of the family took part in the review.'
        : 'The family did not take part in the review.',
    ),
    ...narrativeBlocks(narrative.limitations),
  );
  return section('limitations', 'Methodological comment and limitations', 'mixed', blocks);
}
