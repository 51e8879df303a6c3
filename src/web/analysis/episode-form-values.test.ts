import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { episodeBody } from './episode-fixtures.ts';
import {
  episodeChanges,
  episodeValues,
  isStale,
  sameValues,
  withEpisodeFields,
} from './episode-form-values.ts';

describe('episode form values', () => {
  const start = episodeValues(episodeBody({ roles: ['Response officer', 'Health visitor'] }));

  it('sends nothing when nothing changed', () => {
    expect(episodeChanges(start, start)).toEqual({ errors: {}, changes: {} });
    expect(sameValues(start, { ...start })).toBe(true);
  });

  it('sends only the fields that changed, in the API’s shape', () => {
    const values = {
      ...start,
      title: '  Home visit  ',
      periodTo: { day: '1', month: 'May', year: '2026' },
      roles: 'Response officer\n\n  Health visitor  \nSocial worker',
      appraisal: 'good',
      standardKind: '',
      standardReference: '   ',
      goodPractice: true,
      eventIds: [],
    };
    expect(episodeChanges(values, start)).toEqual({
      errors: {},
      changes: {
        title: 'Home visit',
        periodTo: '2026-05-01',
        roles: ['Response officer', 'Health visitor', 'Social worker'],
        appraisal: 'good',
        standardReference: null,
        goodPractice: true,
        eventIds: [],
      },
    });
  });

  it('treats reordered agencies and re-spaced roles as no change', () => {
    const two = { ...start, agencyIds: ['a', 'b'] };
    expect(
      episodeChanges({ ...two, agencyIds: ['b', 'a'], roles: ' Response officer \nHealth visitor' }, two)
        .changes,
    ).toEqual({});
  });

  it('finds dates that are not real dates, or left empty', () => {
    const values = {
      ...start,
      periodFrom: { day: '31', month: '2', year: '2026' },
      periodTo: { day: '', month: '', year: '' },
    };
    expect(episodeChanges(values, start).errors).toEqual({
      periodFrom: 'The start of the period must be a real date',
      periodTo: 'Enter the end of the period',
    });
  });

  it('names the server’s field errors as the form’s fields, and knows a stale save', () => {
    const error = new ApiError(400, 'validation_failed', 'x', {
      fields: [{ path: 'roles.2', message: 'Too long' }],
    });
    expect((withEpisodeFields(error) as ApiError).fields).toEqual([{ path: 'roles', message: 'Too long' }]);
    expect(isStale(new ApiError(409, 'stale_version', 'x'))).toBe(true);
    expect(isStale(new ApiError(409, 'conflict', 'x'))).toBe(false);
  });
});
