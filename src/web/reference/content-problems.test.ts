import { describe, expect, it } from 'vitest';
import { contentPlace, describeContentProblem } from './content-problems.ts';

describe('describeContentProblem', () => {
  it('names the item, counting from 1, where the message names the field', () => {
    expect(
      describeContentProblem('language', 'content.rules.3.reason', 'Say why the wording is a problem'),
    ).toBe('Rule 4: Say why the wording is a problem');
    expect(describeContentProblem('typology', 'content.categories.0.name', 'Enter the name')).toBe(
      'Category 1: Enter the name',
    );
    expect(describeContentProblem('appraisal', 'content.grades.1', 'The key “good” is used twice')).toBe(
      'Grade 2: The key “good” is used twice',
    );
  });

  it('keeps a position inside the item', () => {
    expect(
      describeContentProblem(
        'language',
        'content.rules.4.phrases.0',
        'Each phrase needs at least 2 characters',
      ),
    ).toBe('Rule 5, phrase 1: Each phrase needs at least 2 characters');
    expect(
      describeContentProblem('factors', 'content.groups.2.types.5', 'This must be text, in double quotes'),
    ).toBe('Factor group 3, type 6: This must be text, in double quotes');
  });

  it('names the field where the message does not', () => {
    expect(
      describeContentProblem(
        'typology',
        'content.categories.1.definition',
        'This must be text, in double quotes',
      ),
    ).toBe('Category 2, definition: This must be text, in double quotes');
    expect(
      describeContentProblem(
        'language',
        'content.rules.0.replacements.failed to',
        'This must be 80 characters or fewer',
      ),
    ).toBe('Rule 1, replacement for “failed to”: This must be 80 characters or fewer');
  });

  it('speaks of the list or the content as a whole', () => {
    expect(describeContentProblem('language', 'content.rules', 'Give at least one rule')).toBe(
      'Give at least one rule',
    );
    expect(
      describeContentProblem('factors', 'content.groups', 'This must be a list, in square brackets'),
    ).toBe('Factor groups: This must be a list, in square brackets');
    expect(
      describeContentProblem('appraisal', 'content', 'This must be a set of named values, in curly brackets'),
    ).toBe('Content: This must be a set of named values, in curly brackets');
    expect(contentPlace('typology', 'content')).toBeNull();
  });
});
