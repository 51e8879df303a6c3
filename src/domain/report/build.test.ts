import { describe, expect, it } from 'vitest';
import { allSections, documentText, sectionTexts } from './anonymise.ts';
import {
  buildReportDocument,
  formatReportDate,
  formatReportPeriod,
  reportSubtitle,
  textParagraphs,
} from './build.ts';
import { reportDocumentSchema } from './document.ts';
import {
  emptyReportFactsFixture as empty,
  reportFactsFixture as facts,
  listsOf as lists,
  reportNarrativeFixture as narrative,
  paragraphsOf as paragraphs,
  sectionOf as sectionIn,
  tablesOf as tables,
} from './fixtures.ts';
import { defaultMethodology } from './report.ts';

const doc = buildReportDocument(facts, narrative);
const sectionOf = (id: string, d = doc) => sectionIn(d, id);

describe('the report document', () => {
  it('has the sections of a Learning Together report, with their stable ids, in order', () => {
    expect(allSections(doc).map((s) => s.id)).toEqual([
      'introduction',
      'introduction.why-this-case',
      'introduction.summary',
      'introduction.family',
      'introduction.period',
      'introduction.methodology',
      'introduction.reviewers',
      'introduction.acknowledgements',
      'limitations',
      'research-questions',
      'appraisal',
      'appraisal.episode-1',
      'appraisal.episode-2',
      'appraisal.episode-3',
      'window',
      'findings-summary',
      'findings',
      'findings.finding-1',
      'findings.finding-2',
      'appendices',
      'appendices.review-team',
      'appendices.case-group',
      'appendices.episodes',
      'appendices.glossary',
    ]);
    expect(reportDocumentSchema.parse(doc)).toEqual(doc);
  });

  it('says where each section comes from', () => {
    const origins = Object.fromEntries(allSections(doc).map((s) => [s.id, s.origin]));
    expect(origins).toMatchObject({
      introduction: 'mixed',
      'introduction.why-this-case': 'narrative',
      'introduction.family': 'mixed',
      'introduction.period': 'generated',
      'introduction.methodology': 'narrative',
      'introduction.reviewers': 'mixed',
      limitations: 'mixed',
      'research-questions': 'generated',
      appraisal: 'mixed',
      'appraisal.episode-1': 'generated',
      window: 'narrative',
      'findings.finding-1': 'generated',
      'appendices.glossary': 'generated',
    });
  });

  it('takes its title page from the review, with the kind of review as the subtitle', () => {
    expect(doc).toMatchObject({
      schemaVersion: 1,
      title: 'Child A',
      subtitle: 'Local child safeguarding practice review',
      partnershipName: 'Northshire Safeguarding Children Partnership',
      versionNumber: 2,
      generatedOn: '2024-09-16',
    });
    expect(reportSubtitle('Serious case review (legacy)')).toBe('Serious case review');
    expect(reportSubtitle('Learning review')).toBe('Learning review');
    expect(paragraphs(sectionOf('introduction').blocks)[0]).toBe(
      'This is the report of the local child safeguarding practice review about Child A, commissioned by ' +
        'Northshire Safeguarding Children Partnership. The review began on 4 March 2024.',
    );
  });

  it('splits narrative into paragraphs on blank lines, reading single line breaks as spaces', () => {
    expect(paragraphs(sectionOf('introduction.summary').blocks)).toEqual([
      'Jayden lived with his mother, Kelly Smith, and her partner Dean Walsh in Brackley Heath. He was born on 14/02/2016.',
      'He moved to Oakfield Primary School in September 2022.',
    ]);
    expect(textParagraphs('  One\r\ntwo  \r\n \r\nThree\n\n\n\nFour ')).toEqual(['One two', 'Three', 'Four']);
    expect(textParagraphs('   ')).toEqual([]);
  });

  it('says a narrative section has not been written yet, and uses the default methodology', () => {
    const blank = buildReportDocument(facts, {});
    for (const id of [
      'introduction.why-this-case',
      'introduction.summary',
      'introduction.acknowledgements',
      'window',
    ]) {
      expect(sectionOf(id, blank).blocks).toEqual([
        { kind: 'paragraph', text: 'This section has not been written yet.' },
      ]);
    }
    expect(paragraphs(sectionOf('window').blocks)).toEqual(['This section has not been written yet.']);
    expect(paragraphs(sectionOf('introduction.reviewers', blank).blocks).at(-1)).toBe(
      'This section has not been written yet.',
    );
    expect(paragraphs(sectionOf('limitations', blank).blocks).at(-1)).toBe(
      'This section has not been written yet.',
    );
    expect(paragraphs(sectionOf('appraisal', blank).blocks)[0]).toBe(
      'This section has not been written yet.',
    );
    expect(paragraphs(sectionOf('introduction.methodology', blank).blocks)).toEqual(
      textParagraphs(defaultMethodology),
    );
    expect(paragraphs(sectionOf('introduction.methodology').blocks)).toHaveLength(2);
    // The family composition needs nothing added.
    expect(paragraphs(sectionOf('introduction.family', blank).blocks)).not.toContain(
      'This section has not been written yet.',
    );
  });

  it('writes dates like “3 March 2024”', () => {
    expect(formatReportDate('2024-03-03')).toBe('3 March 2024');
    expect(formatReportDate('2023-12-25')).toBe('25 December 2023');
    expect(formatReportPeriod('2023-02-14', '2023-02-14')).toBe('14 February 2023');
    expect(paragraphs(sectionOf('introduction.period').blocks)).toEqual([
      'The review looked at the period from 1 September 2022 to 30 November 2023.',
      'The period starts when the family moved to the area. It ends when the child became subject to a child protection plan.',
    ]);
    expect(paragraphs(sectionOf('appraisal.episode-3').blocks)[0]).toBe('Period: 14 February 2023.');
    expect(paragraphs(sectionOf('introduction.period', buildReportDocument(empty, {})).blocks)).toEqual([
      'The period under review has not been set yet.',
    ]);
  });

  it('lists the family by pseudonym, names the lead reviewers and counts the review team by agency', () => {
    expect(lists(sectionOf('introduction.family').blocks)[0]!.items).toEqual([
      'Child A (child)',
      'Mother',
      'Mother’s partner',
    ]);
    const reviewers = sectionOf('introduction.reviewers').blocks;
    expect(paragraphs(reviewers)[0]).toBe(
      'The lead reviewers were Ruth Hale (Independent lead reviewer, Hale Review Associates) and Tom Okafor (Independent lead reviewer).',
    );
    expect(lists(reviewers)[0]!.items).toEqual([
      'Children’s Social Care: 2 members',
      'Northshire Police: 1 member',
      'Integrated Care Board: 1 member',
    ]);
    expect(paragraphs(reviewers).at(-1)).toBe(
      'Neither lead reviewer has worked for any agency in Northshire.',
    );
  });

  it('says who took part, by agency, and whether the family did', () => {
    const blocks = sectionOf('limitations').blocks;
    expect(paragraphs(blocks)).toEqual([
      'The case group had 5 members. 4 of them had a conversation with the lead reviewers. By agency:',
      'In all, 5 conversations were held.',
      'Members of the family took part in the review.',
      'The police constable had left the force and could not take part in a conversation.',
    ]);
    expect(lists(blocks)[0]!.items).toContain('Northshire Police: 1 member; none had a conversation');
  });

  it('lists the review team and the case group by role and agency only, and names nobody but the lead reviewers', () => {
    const [team] = tables(sectionOf('appendices.review-team').blocks);
    expect(team!.columns).toEqual(['Role', 'Job title', 'Agency']);
    expect(team!.rows[0]).toEqual(['Review team member', 'Head of Service', 'Children’s Social Care']);
    const [group] = tables(sectionOf('appendices.case-group').blocks);
    expect(group!.columns).toEqual(['Job title', 'Agency']);
    expect(group!.rows).toHaveLength(5);
    const elsewhere = sectionTexts(doc).filter((s) => s.sectionId !== 'introduction.reviewers');
    for (const name of ['Ruth Hale', 'Tom Okafor']) {
      expect(documentText(doc)).toContain(name);
      expect(elsewhere.some((s) => s.text.includes(name))).toBe(false);
    }
  });

  it('says plainly what a review without records does not have yet', () => {
    const bare = buildReportDocument(empty, {});
    expect(allSections(bare).map((s) => s.id)).not.toContain('findings.finding-1');
    expect(paragraphs(sectionOf('research-questions', bare).blocks)).toEqual([
      'The terms of reference set no research questions.',
    ]);
    expect(paragraphs(sectionOf('findings-summary', bare).blocks)).toEqual([
      'No findings have been recorded yet.',
    ]);
    expect(paragraphs(sectionOf('appraisal', bare).blocks)).toContain(
      'No key practice episodes have been identified yet.',
    );
    expect(paragraphs(sectionOf('introduction.reviewers', bare).blocks).slice(0, 2)).toEqual([
      'The lead reviewers are not recorded yet.',
      'No members of the review team are recorded yet.',
    ]);
    expect(paragraphs(sectionOf('limitations', bare).blocks).slice(0, 3)).toEqual([
      'No members of the case group are recorded yet.',
      'In all, no conversations were held.',
      'The family did not take part in the review.',
    ]);
    expect(reportDocumentSchema.safeParse(bare).success).toBe(true);
  });
});
