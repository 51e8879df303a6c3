import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { findingBody } from './finding-fixtures.ts';
import {
  createBody,
  emptyValues,
  findingChanges,
  findingValues,
  lostWording,
  newQuestion,
  newRecommendation,
  type Question,
  sameValues,
  savedItem,
  withFindingFields,
} from './finding-form-values.ts';

describe('the finding form’s values', () => {
  it('sends nothing for a finding left as it was, however the questions were shuffled into place', () => {
    const start = findingValues(findingBody());
    const values = { ...start, boardQuestions: [...start.boardQuestions, newQuestion('   ')] };
    expect(sameValues(values, start)).toBe(true);
    expect(findingChanges(values, start).changes).toEqual({});
  });

  it('reads the themes as keys and sends them only when the choice changed, in any order', () => {
    const start = findingValues(
      findingBody({
        themes: [
          { key: 'neglect', label: 'Neglect' },
          { key: 'safer_sleep', label: 'Sudden unexpected infant death and safer sleep' },
        ],
      }),
    );
    expect(start.themes).toEqual(['neglect', 'safer_sleep']);
    expect(findingChanges({ ...start, themes: ['safer_sleep', 'neglect'] }, start).changes).toEqual({});
    expect(findingChanges({ ...start, themes: ['neglect'] }, start).changes).toEqual({ themes: ['neglect'] });
    expect(createBody({ ...emptyValues(), statement: 'A pattern' }).body).not.toHaveProperty('themes');
  });

  it('leaves blank questions and recommendations out, and finds the field of a problem with one sent', () => {
    const values = {
      ...emptyValues(),
      statement: 'A pattern',
      boardQuestions: [newQuestion(''), newQuestion('First?'), newQuestion(' '), newQuestion('Second?')],
      recommendations: [newRecommendation(''), newRecommendation('Do this', '')],
    };
    const { body, sent, errors } = createBody(values);
    expect(errors).toEqual({});
    expect(body.boardQuestions).toEqual(['First?', 'Second?']);
    expect(body.recommendations).toEqual([{ text: 'Do this', addressee: null }]);
    const error = new ApiError(400, 'validation_failed', 'There is a problem', {
      fields: [
        { path: 'boardQuestions.1', message: 'Too long' },
        { path: 'recommendations.0.addressee', message: 'Too long' },
        { path: 'episodeIds.3', message: 'Choose an episode of this review' },
      ],
    });
    expect((withFindingFields(error, sent, values) as ApiError).fields.map((f) => f.path)).toEqual([
      'boardQuestions-4',
      'recommendations-2-addressee',
      'episodeIds',
    ]);
  });

  it('asks for the text of a recommendation that only says who it is for', () => {
    const values = {
      ...emptyValues(),
      statement: 'A pattern',
      recommendations: [newRecommendation('', 'Police')],
    };
    expect(createBody(values).errors).toEqual({
      'recommendations-1-text': 'Enter the recommendation, or remove it',
    });
  });

  it('keeps the wording a reload replaced', () => {
    const submitted = {
      ...findingValues(findingBody()),
      whyItMatters: 'Mine',
      boardQuestions: [newQuestion('Kept?'), newQuestion('Lost?')],
    };
    const now = {
      ...findingValues(findingBody()),
      whyItMatters: 'Theirs',
      boardQuestions: [newQuestion('Kept?')],
    };
    expect(lostWording(submitted, now)).toEqual({ whyItMatters: 'Mine', boardQuestions: ['Lost?'] });
  });

  it('names a saved question’s flags by its place in the saved finding, while it is still there', () => {
    const finding = findingBody({ boardQuestions: ['First?', 'Second?'] });
    const [first, second] = findingValues(finding).boardQuestions;
    expect(savedItem(finding, 'boardQuestions', second as Question)).toEqual({
      field: 'boardQuestions.1',
      text: 'Second?',
    });
    // Someone else's change moved the questions: the flags at that place are not this question's.
    const changed = findingBody({ boardQuestions: ['Second?'] });
    expect(savedItem(changed, 'boardQuestions', first as Question)).toBeNull();
    expect(savedItem(finding, 'boardQuestions', newQuestion('New?'))).toBeNull();
  });
});
