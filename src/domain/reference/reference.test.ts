import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { builtInLanguageRules } from './language.ts';
import {
  builtInReference,
  publishReferenceInput,
  referenceContentSchemas,
  referenceKind,
  referenceKindKeys,
  referenceKindParams,
  referenceKinds,
  referenceVersionParams,
  reviewReferenceDto,
} from './reference.ts';

const partnershipId = '5f0c6f2e-8a43-4a8e-9d4c-0b1f3f0e1a01';
const issues = (result: z.ZodSafeParseResult<unknown>) =>
  result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));

describe('the built-in reference data (version 1)', () => {
  it('has one entry for each of the four kinds', () => {
    expect(referenceKindKeys).toEqual(['typology', 'factors', 'appraisal', 'language']);
    expect(Object.keys(builtInReference)).toEqual(referenceKindKeys);
    for (const kind of referenceKindKeys) expect(referenceKinds[kind]).toBeTruthy();
  });

  for (const kind of referenceKindKeys) {
    it(`${kind}: passes its own schema unchanged`, () => {
      const parsed = referenceContentSchemas[kind].safeParse(builtInReference[kind].content);
      expect(issues(parsed)).toEqual([]);
      expect(parsed.data).toEqual(builtInReference[kind].content);
      expect(builtInReference[kind].name.length).toBeGreaterThan(0);
    });
  }

  it('has the six typology categories, the factor groups, five grades and the language rules', () => {
    expect(builtInReference.typology.content.categories).toHaveLength(6);
    expect(builtInReference.factors.content.groups.length).toBeGreaterThan(0);
    expect(builtInReference.factors.content.groups.some((g) => g.types.length > 0)).toBe(true);
    expect(builtInReference.appraisal.content.grades.map((g) => g.key)).toEqual([
      'good',
      'adequate',
      'problematic',
      'mixed',
      'unable_to_judge',
    ]);
    expect(builtInReference.language.content.rules).toBe(builtInLanguageRules);
  });

  it('fits the shape a review is given', () => {
    const review = Object.fromEntries(
      referenceKindKeys.map((k) => [k, { version: 1, content: builtInReference[k].content }]),
    );
    expect(reviewReferenceDto.safeParse(review).success).toBe(true);
  });
});

describe('content schemas refuse what a partnership admin might get wrong', () => {
  it('a typology code used twice, naming the second item', () => {
    const categories = [...builtInReference.typology.content.categories];
    categories.push({ ...categories[0]!, name: 'Tools again' });
    expect(issues(referenceContentSchemas.typology.safeParse({ categories }))).toEqual([
      { path: 'categories.6', message: 'The code “tools” is used twice' },
    ]);
  });

  it('a factor group key used twice', () => {
    const groups = builtInReference.factors.content.groups;
    const twice = [groups[0]!, { ...groups[1]!, key: groups[0]!.key }];
    expect(issues(referenceContentSchemas.factors.safeParse({ groups: twice }))).toEqual([
      { path: 'groups.1', message: `The key “${groups[0]!.key}” is used twice` },
    ]);
  });

  it('an appraisal grade key used twice, and fewer than two grades', () => {
    const grades = [
      { key: 'good', label: 'Good' },
      { key: 'good', label: 'Also good' },
    ];
    expect(issues(referenceContentSchemas.appraisal.safeParse({ grades }))).toEqual([
      { path: 'grades.1', message: 'The key “good” is used twice' },
    ]);
    expect(issues(referenceContentSchemas.appraisal.safeParse({ grades: [grades[0]] }))).toEqual([
      { path: 'grades', message: 'Give at least two grades' },
    ]);
  });

  it('a language rule id used twice', () => {
    const rules = [...builtInLanguageRules, { ...builtInLanguageRules[2]!, phrases: ['regrettably'] }];
    expect(issues(referenceContentSchemas.language.safeParse({ rules }))).toEqual([
      {
        path: `rules.${builtInLanguageRules.length}`,
        message: 'The rule id “missed-opportunity” is used twice',
      },
    ]);
  });

  it('a language rule with no reason, a one-letter phrase, an unknown category or a bad id', () => {
    const rules = structuredClone(builtInLanguageRules);
    rules[3] = { ...rules[3]!, reason: '   ' };
    rules[4] = { ...rules[4]!, phrases: ['x'] };
    rules[5] = { ...rules[5]!, category: 'rudeness' as never };
    rules[6] = { ...rules[6]!, id: 'Warning Signs' };
    expect(issues(referenceContentSchemas.language.safeParse({ rules }))).toEqual([
      { path: 'rules.3.reason', message: 'Say why the wording is a problem' },
      { path: 'rules.4.phrases.0', message: 'Each phrase needs at least 2 characters' },
      { path: 'rules.5.category', message: 'Choose hindsight, blame, certainty or outcome' },
      { path: 'rules.6.id', message: 'Give the rule an id of lower-case letters, digits and hyphens' },
    ]);
  });

  it('keys and codes that are not lower-case letters, digits and underscores, and empty lists', () => {
    expect(
      issues(referenceContentSchemas.typology.safeParse({ categories: [{ code: 'Tools', name: 'Tools' }] })),
    ).toEqual([
      { path: 'categories.0.code', message: 'The code must be lower-case letters, digits and underscores' },
    ]);
    expect(issues(referenceContentSchemas.typology.safeParse({ categories: [] }))).toEqual([
      { path: 'categories', message: 'Give at least one category' },
    ]);
    expect(issues(referenceContentSchemas.factors.safeParse({ groups: [] }))).toEqual([
      { path: 'groups', message: 'Give at least one factor group' },
    ]);
    expect(issues(referenceContentSchemas.language.safeParse({ rules: [] }))).toEqual([
      { path: 'rules', message: 'Give at least one rule' },
    ]);
  });

  it('fills in what may be left out, and trims text', () => {
    const parsed = referenceContentSchemas.factors.parse({
      groups: [{ key: ' family ', label: ' Family ' }],
    });
    expect(parsed).toEqual({ groups: [{ key: 'family', label: 'Family', hint: '', types: [] }] });
  });
});

describe('versions', () => {
  it('are addressed by kind and a whole number from 1', () => {
    expect(
      referenceVersionParams.parse({ partnershipId, referenceKind: 'language', referenceVersion: '3' }),
    ).toEqual({
      partnershipId,
      referenceKind: 'language',
      referenceVersion: 3,
    });
    for (const referenceVersion of ['0', '-1', '1.5', 'one', ''])
      expect(
        referenceVersionParams.safeParse({ partnershipId, referenceKind: 'language', referenceVersion })
          .success,
      ).toBe(false);
    expect(referenceKindParams.safeParse({ partnershipId, referenceKind: 'colours' }).success).toBe(false);
    expect(referenceKind.safeParse('kind').success).toBe(false);
  });

  it('are published with a name, the content and the version they were edited from', () => {
    expect(
      publishReferenceInput.parse({ name: '  Local rules ', content: { rules: [] }, basedOnVersion: 2 }),
    ).toEqual({ name: 'Local rules', content: { rules: [] }, basedOnVersion: 2 });
    const missing = issues(publishReferenceInput.safeParse({ name: ' ', content: {}, basedOnVersion: 0 }));
    expect(missing.map((i) => i.path)).toEqual(['name', 'basedOnVersion']);
    expect(missing[0]?.message).toBe('Enter a name for this version');
    expect(publishReferenceInput.safeParse({ name: 'x', content: {}, basedOnVersion: '2' }).success).toBe(
      false,
    );
  });
});
