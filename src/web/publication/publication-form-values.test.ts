import { describe, expect, it } from 'vitest';
import { emptyDate } from '../review/dates.ts';
import type { PublicationValues } from './publication-form-values.ts';
import { publicationBody, publicationFieldIds, shownFor } from './publication-form-values.ts';

const values = (overrides: Partial<PublicationValues> = {}): PublicationValues => ({
  decision: 'publish',
  decisionReason: '',
  form: 'full',
  formReason: '',
  url: 'https://www.northshirescp.org.uk/reviews/child-a',
  notes: '',
  panelNoticeSentOn: { day: '19', month: '2', year: '2025' },
  dfeNoticeSentOn: emptyDate,
  plannedPublicationDate: { day: '2', month: 'March', year: '2025' },
  publishedOn: { day: '3', month: '3', year: '2025' },
  removalDate: emptyDate,
  repositorySentOn: emptyDate,
  ...overrides,
});

describe('the publication form’s body', () => {
  it('asks, for each decision, only the questions it needs', () => {
    const asked = (d: 'publish' | 'not_publish' | 'undecided') =>
      publicationFieldIds.filter((f) => shownFor(d)[f]);
    expect(asked('publish')).toEqual(publicationFieldIds.filter((f) => f !== 'decisionReason'));
    expect(asked('not_publish')).toEqual([
      'decision',
      'decisionReason',
      'panelNoticeSentOn',
      'dfeNoticeSentOn',
      'notes',
    ]);
    expect(asked('undecided')).toEqual([
      'decision',
      'panelNoticeSentOn',
      'dfeNoticeSentOn',
      'plannedPublicationDate',
      'notes',
    ]);
  });

  it('sends the dates as typed, blanks as null, with the version', () => {
    expect(publicationBody(values(), 3)).toEqual({
      body: {
        version: 3,
        decision: 'publish',
        decisionReason: null,
        form: 'full',
        formReason: null,
        panelNoticeSentOn: '2025-02-19',
        dfeNoticeSentOn: null,
        plannedPublicationDate: '2025-03-02',
        publishedOn: '2025-03-03',
        url: 'https://www.northshirescp.org.uk/reviews/child-a',
        removalDate: null,
        repositorySentOn: null,
        notes: null,
      },
    });
  });

  it('clears what a decision does not ask, and the reason of a report published in full', () => {
    const undecided = publicationBody(
      values({ decision: 'undecided', decisionReason: 'left over', formReason: 'left over' }),
      1,
    );
    expect(undecided).toMatchObject({
      body: {
        decisionReason: null,
        form: null,
        formReason: null,
        plannedPublicationDate: '2025-03-02',
        publishedOn: null,
        url: null,
      },
    });
    expect(publicationBody(values({ formReason: 'left over' }), 1)).toMatchObject({
      body: { formReason: null },
    });
    expect(publicationBody(values({ form: 'delayed', formReason: 'Until the trial ends' }), 1)).toMatchObject(
      { body: { form: 'delayed', formReason: 'Until the trial ends' } },
    );
  });

  it('does not check a date the decision does not ask', () => {
    const body = publicationBody(
      values({
        decision: 'not_publish',
        decisionReason: 'To protect the child',
        publishedOn: { day: '40', month: '1', year: '2025' },
      }),
      1,
    );
    expect('body' in body).toBe(true);
  });

  it('names dates that are not real dates, in the order of the form', () => {
    const result = publicationBody(
      values({
        repositorySentOn: { day: '1', month: '13', year: '2025' },
        panelNoticeSentOn: { day: '1', month: '2', year: '25' },
      }),
      1,
    );
    expect(result).toEqual({
      problem: {
        code: 'validation_failed',
        items: [
          {
            field: 'panelNoticeSentOn',
            message:
              'The date notice was sent to the national panel must include a year with 4 numbers, like 2026',
          },
          {
            field: 'repositorySentOn',
            message: 'The date it was sent to the NSPCC repository must be a real date',
          },
        ],
        fields: {
          panelNoticeSentOn:
            'The date notice was sent to the national panel must include a year with 4 numbers, like 2026',
          repositorySentOn: 'The date it was sent to the NSPCC repository must be a real date',
        },
      },
    });
  });
});
