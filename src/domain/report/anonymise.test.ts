import { describe, expect, it } from 'vitest';
import {
  documentStrings,
  documentText,
  pseudonymiseDocument,
  scanDocument,
  sectionTexts,
  titlePage,
} from './anonymise.ts';
import { buildReportDocument } from './build.ts';
import type { ReportDocument } from './document.ts';
import {
  reportFactsFixture as facts,
  reportNarrativeFixture as narrative,
  reportRegisterFixture as register,
} from './fixtures.ts';

const raw = buildReportDocument(facts, narrative);
const { document, ambiguous } = pseudonymiseDocument(raw, register);
const textOf = (doc: ReportDocument, id: string) => sectionTexts(doc).find((s) => s.sectionId === id)!.text;

/** A small document with one of each kind of block. */
const small: ReportDocument = {
  schemaVersion: 1,
  title: 'Child A',
  subtitle: 'Learning review',
  partnershipName: 'Northshire Safeguarding Children Partnership',
  versionNumber: 1,
  generatedOn: '2024-09-16',
  sections: [
    {
      id: 'one',
      title: 'One',
      origin: 'narrative',
      blocks: [
        { kind: 'paragraph', text: 'First paragraph.' },
        { kind: 'heading', text: 'A minor heading' },
        { kind: 'list', ordered: true, items: ['First item', 'Second item'] },
        {
          kind: 'table',
          caption: 'People',
          columns: ['Job title', 'Agency'],
          rows: [
            ['Nurse', 'Health'],
            ['Teacher', 'School'],
          ],
        },
      ],
      sections: [
        {
          id: 'one.two',
          title: 'Two',
          origin: 'generated',
          blocks: [{ kind: 'paragraph', text: 'Inside.' }],
          sections: [],
        },
      ],
    },
  ],
};

describe('pseudonymising the report', () => {
  it('replaces names in the narrative, episodes and findings, keeping possessives', () => {
    expect(textOf(document, 'introduction.summary')).toBe(
      'Child A lived with his mother, Mother, and her partner Mother’s partner in the town. He was born on the child’s date of birth.\n\n' +
        'He moved to the school in September 2022.',
    );
    expect(textOf(document, 'appraisal.episode-1')).toContain(
      'Staff at the school saw bruising on Child A’s arm.',
    );
    expect(textOf(document, 'appraisal.episode-1')).toContain('Child A said he had fallen in the park.');
    expect(textOf(document, 'findings.finding-1')).toContain(
      'When Child A joined the school, his earlier school’s concerns had not arrived.\n\nMother’s move was not known to health services.',
    );
    expect(textOf(document, 'findings.finding-2')).toContain(
      'Mother’s partner was not seen during the assessment.',
    );
    expect(textOf(document, 'introduction.acknowledgements')).toBe(
      'We thank Mother and the case group for their time.',
    );
  });

  it('replaces names in titles, list items and table cells, and leaves the lead reviewers named', () => {
    const named = buildReportDocument(
      {
        ...facts,
        review: { ...facts.review, title: 'Jayden' },
        episodes: facts.episodes.map((e) =>
          e.number === 2 ? { ...e, title: 'Sarah Patel’s home visit' } : e,
        ),
        findings: facts.findings.map((f) =>
          f.number === 1 ? { ...f, boardQuestions: ['Who told Kelly?'] } : f,
        ),
      },
      narrative,
    );
    const { document: out } = pseudonymiseDocument(named, register);
    expect(out.title).toBe('Child A');
    const episode = out.sections.find((s) => s.id === 'appraisal')!.sections[1]!;
    expect(episode.title).toBe('Key practice episode 2: the health visitor’s home visit');
    expect(textOf(out, 'appendices.episodes')).toContain('2 | the health visitor’s home visit |');
    expect(textOf(out, 'findings.finding-1')).toContain('Who told Mother?');
    expect(textOf(out, 'introduction.reviewers')).toContain('Ruth Hale');
    expect(scanDocument(out, register).filter((h) => h.kind === 'register')).toEqual([]);
  });

  it('reports a name it cannot put down to one person, with the section it is in', () => {
    expect(ambiguous).toEqual([
      { text: 'Mrs Smith', candidates: ['Child A', 'Mother'], sectionTitle: 'Appraisal of practice' },
    ]);
    expect(textOf(document, 'appraisal')).toContain(
      '[Child A or Mother] told us that Mother’s worries were not heard.',
    );
  });

  it('names a section by its pseudonymised title, and the title page as such', () => {
    const doc = { ...small, title: 'Mrs Smith' };
    doc.sections = [
      {
        ...small.sections[0]!,
        title: 'About Jayden',
        blocks: [{ kind: 'paragraph', text: 'Mrs Smith said.' }],
      },
    ];
    expect(pseudonymiseDocument(doc, register).ambiguous).toEqual([
      { text: 'Mrs Smith', candidates: ['Child A', 'Mother'], sectionTitle: titlePage.title },
      { text: 'Mrs Smith', candidates: ['Child A', 'Mother'], sectionTitle: 'About Child A' },
    ]);
  });

  it('changes nothing else: the structure, ids and generated words stay as they were', () => {
    expect(pseudonymiseDocument(raw, []).document).toEqual(raw);
    expect(documentStrings(document).map((s) => s.sectionId)).toEqual(
      documentStrings(raw).map((s) => s.sectionId),
    );
  });
});

describe('the report as text', () => {
  it('gives each section its own blocks, tables a row a line and lists an item a line', () => {
    expect(sectionTexts(small)).toEqual([
      {
        sectionId: 'one',
        sectionTitle: 'One',
        text: 'First paragraph.\n\nA minor heading\n\nFirst item\nSecond item\n\nPeople\nJob title | Agency\nNurse | Health\nTeacher | School',
      },
      { sectionId: 'one.two', sectionTitle: 'Two', text: 'Inside.' },
    ]);
  });

  it('reads the whole report in order, title page first', () => {
    expect(documentText(small)).toBe(
      [
        'Child A',
        'Learning review',
        'One',
        'First paragraph.\n\nA minor heading\n\nFirst item\nSecond item\n\nPeople\nJob title | Agency\nNurse | Health\nTeacher | School',
        'Two',
        'Inside.',
      ].join('\n\n'),
    );
    const text = documentText(raw);
    const at = (s: string) => text.indexOf(s);
    expect(at('Why this case was chosen')).toBeLessThan(at('Methodological comment and limitations'));
    expect(at('Key practice episode 3:')).toBeLessThan(at('Summary of findings'));
    expect(at('Finding 2:')).toBeLessThan(at('Glossary'));
  });
});

describe('the identifier scan of the report', () => {
  it('does not report the names meant to be published (the lead reviewers), with or without a title', () => {
    const named: ReportDocument = {
      ...small,
      sections: [
        {
          ...small.sections[0]!,
          blocks: [
            { kind: 'paragraph', text: 'The lead reviewers were Dr Helen Mercer and Mr Ravi Mercer-Shah.' },
          ],
        },
      ],
    };
    expect(scanDocument(named, []).map((h) => h.match)).toEqual(['Dr Helen', 'Mr Ravi']);
    expect(scanDocument(named, [], { publicNames: ['Dr Helen Mercer', 'Ravi Mercer-Shah'] })).toEqual([]);
  });

  it('finds no register form once the report is pseudonymised', () => {
    expect(scanDocument(document, register).filter((h) => h.kind === 'register')).toEqual([]);
  });

  it('finds the names left in a report that was not pseudonymised, by section, with their context', () => {
    const hits = scanDocument(raw, register);
    expect(hits.filter((h) => h.sectionId === 'introduction.summary').map((h) => h.match)).toEqual([
      'Jayden',
      'Kelly Smith',
      'Dean Walsh',
      'Brackley Heath',
      '14/02/2016',
      'Oakfield Primary School',
    ]);
    expect(hits.find((h) => h.sectionId === 'appraisal.episode-2' && h.match === 'Sarah Patel')).toEqual({
      key: 'register:appraisal.episode-2:sarah patel:1',
      kind: 'register',
      match: 'Sarah Patel',
      context: 'Sarah Patel visited Kelly Smith at home in Brackley…',
      sectionId: 'appraisal.episode-2',
      sectionTitle: 'Key practice episode 2: The health visitor’s home visit',
    });
  });

  it('keeps a context inside one table cell', () => {
    // “Panel” is one letter from “Patel”, but the glossary is fixed text, so it is not reported.
    expect(scanDocument(document, register).find((h) => h.match === 'Panel')).toBeUndefined();
    const table: ReportDocument = {
      ...small,
      sections: [
        {
          ...small.sections[0]!,
          blocks: [
            { kind: 'table', caption: 'Places', columns: ['Where'], rows: [['SW1A 1AA'], ['B1 1AA']] },
          ],
        },
      ],
    };
    expect(scanDocument(table, []).map((h) => [h.kind, h.match, h.context])).toEqual([
      ['postcode', 'SW1A 1AA', 'SW1A 1AA'],
      ['postcode', 'B1 1AA', 'B1 1AA'],
    ]);
  });

  it('gives the same keys each time, counting each occurrence of the same text in a section', () => {
    const first = scanDocument(raw, register);
    expect(scanDocument(raw, register)).toEqual(first);
    expect(new Set(first.map((h) => h.key)).size).toBe(first.length);
    const twice: ReportDocument = {
      ...small,
      sections: [
        {
          ...small.sections[0]!,
          blocks: [
            { kind: 'paragraph', text: 'Kelly Smith and KELLY SMITH.' },
            { kind: 'list', ordered: false, items: ['Kelly  Smith'] },
          ],
        },
      ],
    };
    expect(scanDocument(twice, register).map((h) => h.key)).toEqual([
      'register:one:kelly smith:1',
      'register:one:kelly smith:2',
      'register:one:kelly smith:3',
    ]);
  });

  it('scans the title page', () => {
    expect(scanDocument({ ...small, title: 'Jayden Smith' }, register)[0]).toMatchObject({
      key: 'register:title:jayden smith:1',
      sectionId: 'title',
      sectionTitle: 'Title page',
    });
  });
});
