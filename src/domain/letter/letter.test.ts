import { describe, expect, it } from 'vitest';
import { letterBlocks, letterTitle, templateBlocks } from './blocks.ts';
import { updateLetterTemplateInput } from './letter.ts';
import {
  fillPlaceholders,
  joinNames,
  letterPlaceholders,
  type PlaceholderValues,
  placeholdersIn,
  templateProblems,
} from './placeholders.ts';
import { letterNeedsParticipant, mayEditLetterTemplates, mayReceiveLetter } from './policy.ts';
import { standardLetterTemplates } from './standard-templates.ts';

const values: PlaceholderValues = {
  'participant.name': 'Jo Bloggs',
  'participant.role': 'case group member',
  'participant.jobTitle': 'Health visitor',
  'participant.agency': 'Northshire Community Health',
  'review.title': 'Child A',
  'partnership.name': 'Northshire Safeguarding Partnership',
  leadReviewers: 'Sam Lee and Ola Ade',
  'businessManager.name': 'Pat Price',
  'businessManager.email': 'pat.price@example.org',
  today: '2 March 2026',
};

describe('placeholders', () => {
  it('fills every known placeholder, with or without spaces inside the braces', () => {
    expect(fillPlaceholders('Dear {{participant.name}}, about {{ review.title }}.', values)).toBe(
      'Dear Jo Bloggs, about Child A.',
    );
  });
  it('leaves unknown placeholders as written', () => {
    expect(fillPlaceholders('Hello {{participant.nickname}}', values)).toBe('Hello {{participant.nickname}}');
  });
  it('does not treat a value as a placeholder or a replacement pattern', () => {
    const tricky = { ...values, 'participant.name': '{{today}} $& $1' };
    expect(fillPlaceholders('Dear {{participant.name}}', tricky)).toBe('Dear {{today}} $& $1');
  });
  it('lists the placeholders a template uses, once each', () => {
    expect(placeholdersIn('{{today}} {{review.title}} {{today}}')).toEqual(['today', 'review.title']);
  });
  it('names unknown placeholders and unclosed braces as problems', () => {
    expect(templateProblems('Dear {{participant.name}}')).toEqual([]);
    expect(templateProblems('Dear {{child.name}}')).toEqual([
      '{{child.name}} is not a placeholder you can use. Check the list of placeholders',
    ]);
    expect(templateProblems('Dear {{participant.name}')).toHaveLength(1);
    expect(templateProblems('Dear {{constructor}}')).toHaveLength(1);
  });
  it('joins names as people write them', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
  });
});

describe('letter blocks', () => {
  it('reads headings, paragraphs with their lines, and bulleted lists', () => {
    const body =
      '# Title\n\nDear {{participant.name}},\r\n\n## Section\n\n- one\n- two\n\nYours,\n{{businessManager.name}}';
    expect(templateBlocks(body)).toEqual([
      { type: 'heading', level: 1, text: 'Title' },
      { type: 'paragraph', lines: ['Dear {{participant.name}},'] },
      { type: 'heading', level: 2, text: 'Section' },
      { type: 'list', items: ['one', 'two'] },
      { type: 'paragraph', lines: ['Yours,', '{{businessManager.name}}'] },
    ]);
  });
  it('fills placeholders after reading the structure, so a value cannot add a heading or paragraph', () => {
    const blocks = letterBlocks('Dear {{participant.name}}', {
      ...values,
      'participant.name': 'Jo\n\n# Injected',
    });
    expect(blocks).toEqual([{ type: 'paragraph', lines: ['Dear Jo # Injected'] }]);
  });
  it('takes the first heading as the title', () => {
    expect(letterTitle(letterBlocks('# About {{review.title}}\n\nText', values), 'Letter')).toBe(
      'About Child A',
    );
    expect(letterTitle([], 'Letter')).toBe('Letter');
  });
});

describe('standard templates', () => {
  for (const [kind, body] of Object.entries(standardLetterTemplates)) {
    it(`${kind}: uses only known placeholders, says "conversation" and never "interview"`, () => {
      expect(templateProblems(body)).toEqual([]);
      expect(body).toMatch(/conversation/);
      expect(body).not.toMatch(/interview/i);
      expect(templateBlocks(body)[0]).toMatchObject({ type: 'heading', level: 1 });
    });
  }
  it('the introductory letter covers purpose, not blame, recording with consent, roles only and support', () => {
    const text = standardLetterTemplates.introductory;
    for (const phrase of [
      'not blame',
      'not a disciplinary process',
      'With your consent',
      'role only',
      'Support',
    ])
      expect(text).toContain(phrase);
  });
  it('the family letter covers purpose, process, limits, taking part, support and anonymity', () => {
    const text = standardLetterTemplates.family;
    for (const phrase of [
      'What the review is for',
      'How the review works',
      'cannot',
      'take part',
      'anonymised',
    ])
      expect(text).toContain(phrase);
  });
});

describe('saving a template', () => {
  it('refuses unknown placeholders, naming the body', () => {
    const result = updateLetterTemplateInput.safeParse({ body: 'Dear {{name}}', version: null });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['body']);
  });
  it('refuses the NUL character, which the database cannot store', () => {
    const result = updateLetterTemplateInput.safeParse({ body: 'Dear\u0000 you', version: null });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['body']);
  });
  it('accepts every listed placeholder', () => {
    const body = Object.keys(letterPlaceholders)
      .map((name) => `{{${name}}}`)
      .join(' ');
    expect(updateLetterTemplateInput.safeParse({ body, version: 3 }).success).toBe(true);
  });
});

describe('letter policy', () => {
  it('lets partnership admins and business managers edit templates', () => {
    expect(mayEditLetterTemplates('partnership_admin')).toBe(true);
    expect(mayEditLetterTemplates('business_manager')).toBe(true);
    expect(mayEditLetterTemplates('member')).toBe(false);
  });
  it('sends the family letter to family members and the introductory letter to everyone else', () => {
    expect(mayReceiveLetter('family', 'family_member')).toBe(true);
    expect(mayReceiveLetter('family', 'case_group_member')).toBe(false);
    expect(mayReceiveLetter('introductory', 'case_group_member')).toBe(true);
    expect(mayReceiveLetter('introductory', 'family_member')).toBe(false);
    expect(letterNeedsParticipant('introductory')).toBe(true);
    expect(letterNeedsParticipant('family')).toBe(false);
  });
});
