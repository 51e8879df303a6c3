import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  builtInReference,
  type ReferenceDataDto,
  referenceKindKeys,
  referenceKinds,
} from '#domain/reference/reference.ts';
import { demoPartnershipId, mockApi, renderApp, sessionBody } from '../testing/render.tsx';

const base = `/api/partnerships/${demoPartnershipId}`;
const page = `/partnerships/${demoPartnershipId}/reference-data`;
const publishedAt = '2026-03-02T10:00:00.000Z';

function referenceData(
  publish: boolean,
  language?: { version: number; name: string; content: unknown },
): ReferenceDataDto {
  return {
    kinds: referenceKindKeys.map((kind, i) => {
      const v1 = {
        id: `00000000-0000-4000-8000-00000000000${i}`,
        kind,
        version: 1,
        name: builtInReference[kind].name,
        publishedAt,
        publishedBy: null as string | null,
        reviewsUsing: kind === 'appraisal' ? 3 : 0,
      };
      const versions = [v1];
      if (kind === 'language' && language)
        versions.push({
          ...v1,
          id: '00000000-0000-4000-8000-0000000000aa',
          version: language.version,
          name: language.name,
          publishedBy: 'Alex Admin',
          reviewsUsing: 1,
        });
      const newest = versions.at(-1)!;
      return {
        kind,
        label: referenceKinds[kind],
        current: {
          ...newest,
          content: language && kind === 'language' ? language.content : builtInReference[kind].content,
        },
        versions,
      };
    }),
    abilities: { publish },
  };
}

const validation = (fields: { path: string; message: string }[]) => ({
  status: 400,
  body: {
    error: {
      code: 'validation_failed',
      message: 'There is a problem with what you entered.',
      details: { fields },
    },
  },
});

describe('reference data list', () => {
  it('lists the four kinds with their current version, name, published date and reviews using it', async () => {
    mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${base}/reference-data`]: { status: 200, body: referenceData(false) },
    });
    renderApp(page);
    expect(await screen.findByRole('heading', { level: 1, name: 'Reference data' })).toBeTruthy();
    for (const kind of referenceKindKeys) {
      const card = (await screen.findByRole('heading', { name: referenceKinds[kind] })).closest(
        '.govuk-summary-card',
      ) as HTMLElement;
      expect(within(card).getByText('Version 1')).toBeTruthy();
      expect(within(card).getByText(builtInReference[kind].name)).toBeTruthy();
      expect(within(card).getByText(/2 March 2026/)).toBeTruthy();
      expect(
        within(card)
          .getByRole('link', { name: `View ${referenceKinds[kind].toLowerCase()}` })
          .getAttribute('href'),
      ).toBe(`${page}/${kind}`);
    }
    const appraisal = screen
      .getByRole('heading', { name: 'Appraisal scale' })
      .closest('.govuk-summary-card') as HTMLElement;
    expect(within(appraisal).getByText('3 reviews')).toBeTruthy();
  });

  it('is linked from the partnership home page for those who may see it', async () => {
    const abilities = {
      manageAgencies: true,
      listUsers: true,
      manageUsers: true,
      viewAudit: true,
      manageIntake: true,
      commissionReviews: true,
      viewReferenceData: true,
      manageReferenceData: true,
      viewReviewerPool: true,
      manageReviewerPool: true,
      monitorReviews: true,
      trackActions: true,
      viewLibrary: true,
      manageLibrary: true,
      viewAnalytics: true,
    };
    mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${base}`]: {
        status: 200,
        body: {
          id: demoPartnershipId,
          name: 'Demo',
          slug: 'demo',
          counts: { agencies: 2, users: 3 },
          abilities,
        },
      },
      [`GET ${base}/reviews?scope=all`]: {
        status: 200,
        body: { reviews: [], abilities: { commission: true } },
      },
    });
    renderApp(`/partnerships/${demoPartnershipId}`);
    const link = await screen.findByRole('link', { name: 'Reference data' });
    expect(link.getAttribute('href')).toBe(page);
  });
});

describe('one kind of reference data', () => {
  it('shows the language rules as a table and the version history, with no form for a member', async () => {
    mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${base}/reference-data`]: { status: 200, body: referenceData(false) },
    });
    renderApp(`${page}/language`);
    const table = await screen.findByRole('table', { name: 'Hindsight and blame language rules' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Phrases', 'Kind of wording', 'Why it is a problem', 'What to write instead']);
    const row = within(table).getByText('“failed to”').closest('tr') as HTMLElement;
    expect(within(row).getByText('Blame')).toBeTruthy();
    expect(within(row).getByText(/“failed to” with “did not”/)).toBeTruthy();
    const history = screen.getByRole('table', { name: 'Version history' });
    expect(within(history).getByText('Version 1 (shown)')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Publish a new version' })).toBeNull();
  });

  it('shows the typology, factor groups and appraisal grades readably', async () => {
    mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${base}/reference-data`]: { status: 200, body: referenceData(false) },
    });
    const { unmount } = renderApp(`${page}/typology`);
    const typology = await screen.findByRole('table', { name: 'Typology of underlying patterns' });
    expect(within(typology).getByRole('rowheader', { name: 'Human–tool operation' })).toBeTruthy();
    unmount();

    const factors = renderApp(`${page}/factors`);
    const [group] = builtInReference.factors.content.groups;
    expect(await screen.findByRole('heading', { level: 3, name: group!.label })).toBeTruthy();
    factors.unmount();

    renderApp(`${page}/appraisal`);
    expect(await screen.findByText('Unable to judge')).toBeTruthy();
    expect(screen.getByText('There is not enough evidence to judge the practice fairly.')).toBeTruthy();
  });

  it('shows an older version when asked, saying reviews that started with it still use it', async () => {
    const content = { rules: [builtInReference.language.content.rules[0]] };
    mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${base}/reference-data`]: {
        status: 200,
        body: referenceData(false, { version: 2, name: 'Local rules', content }),
      },
      [`GET ${base}/reference-data/language/versions/1`]: {
        status: 200,
        body: {
          ...referenceData(false).kinds[3]!.current,
          reviewsUsing: 4,
        },
      },
    });
    renderApp(`${page}/language`);
    expect(await screen.findByText('Version 2 (shown)')).toBeTruthy();
    await userEvent.click(screen.getByRole('link', { name: 'Version 1' }));
    expect(await screen.findByText(/This is version 1, not the current version/)).toBeTruthy();
    expect(screen.getByText('4 reviews')).toBeTruthy();
    expect(screen.getByText('“should have”')).toBeTruthy();
  });

  it('answers an unknown kind with page not found', async () => {
    mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${base}/reference-data`]: { status: 200, body: referenceData(true) },
    });
    renderApp(`${page}/colours`);
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
  });
});

describe('publishing a new version', () => {
  it('starts from the current content and names each problem the server found', async () => {
    const sent: unknown[] = [];
    mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${base}/reference-data`]: { status: 200, body: referenceData(true) },
      [`POST ${base}/reference-data/language/versions`]: ({ body }) => {
        sent.push(body);
        return validation([
          { path: 'name', message: 'Enter a name for this version' },
          { path: 'content.rules.3.reason', message: 'Say why the wording is a problem' },
          { path: 'content.rules.4.phrases.0', message: 'Each phrase needs at least 2 characters' },
        ]);
      },
    });
    renderApp(`${page}/language`);
    expect(await screen.findByRole('heading', { name: 'Publish a new version' })).toBeTruthy();
    expect(
      screen.getByText(/Reviews already being analysed keep the version they started with/),
    ).toBeTruthy();
    const textarea = screen.getByLabelText(
      'The hindsight and blame language rules, as JSON',
    ) as HTMLTextAreaElement;
    expect(JSON.parse(textarea.value)).toEqual(builtInReference.language.content);

    await userEvent.click(screen.getByRole('button', { name: 'Publish version 2' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeTruthy();
    const rule4 = within(summary).getByRole('link', { name: 'Rule 4: Say why the wording is a problem' });
    expect(rule4.getAttribute('href')).toBe('#content');
    expect(
      within(summary).getByRole('link', {
        name: 'Rule 5, phrase 1: Each phrase needs at least 2 characters',
      }),
    ).toBeTruthy();
    expect(
      within(summary).getByRole('link', { name: 'Enter a name for this version' }).getAttribute('href'),
    ).toBe('#name');
    expect(document.title).toMatch(/^Error: /);
    expect(
      screen.getByText('There are 2 problems with the content, listed at the top of the page'),
    ).toBeTruthy();
    expect(sent).toEqual([{ name: '', content: builtInReference.language.content, basedOnVersion: 1 }]);
  });

  it('says where the JSON is broken without sending it', async () => {
    const calls = mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${base}/reference-data`]: { status: 200, body: referenceData(true) },
    });
    renderApp(`${page}/appraisal`);
    const textarea = await screen.findByLabelText('The appraisal scale, as JSON');
    fireEvent.change(textarea, { target: { value: '{\n  "grades": [\n    { "key": "good" \n  ]\n}' } });
    await userEvent.click(screen.getByRole('button', { name: 'Publish version 2' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: /The content is not written correctly/ })).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('publishes, says so, and refreshes the page', async () => {
    let published = false;
    const content = { grades: builtInReference.appraisal.content.grades.slice(0, 2) };
    mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${base}/reference-data`]: () => {
        const data = referenceData(true);
        if (published) {
          const appraisal = data.kinds[2]!;
          const v2 = {
            ...appraisal.current,
            id: '00000000-0000-4000-8000-0000000000bb',
            version: 2,
            name: 'Two grades',
            publishedBy: 'Alex Admin',
            reviewsUsing: 0,
          };
          appraisal.versions.push({ ...v2 });
          appraisal.current = { ...v2, content };
        }
        return { status: 200, body: data };
      },
      [`POST ${base}/reference-data/appraisal/versions`]: ({ body }) => {
        expect(body).toEqual({ name: 'Two grades', content, basedOnVersion: 1 });
        published = true;
        return {
          status: 201,
          body: {
            id: '00000000-0000-4000-8000-0000000000bb',
            kind: 'appraisal',
            version: 2,
            name: 'Two grades',
            content,
            publishedAt,
            publishedBy: 'Alex Admin',
            reviewsUsing: 0,
          },
        };
      },
    });
    renderApp(`${page}/appraisal`);
    const textarea = await screen.findByLabelText('The appraisal scale, as JSON');
    fireEvent.change(textarea, { target: { value: JSON.stringify(content) } });
    await userEvent.type(screen.getByLabelText('Name of the new version'), 'Two grades');
    await userEvent.click(screen.getByRole('button', { name: 'Publish version 2' }));
    expect(await screen.findByText('Version 2 of the appraisal scale has been published')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Publish version 3' })).toBeTruthy());
    expect(screen.getByText('Version 2 (shown)')).toBeTruthy();
    expect((screen.getByLabelText('Name of the new version') as HTMLInputElement).value).toBe('');
  });

  it('on a newer version published meanwhile, says so and bases the next attempt on it', async () => {
    let stale = false;
    const newer = {
      version: 2,
      name: 'Someone else’s rules',
      content: { rules: builtInReference.language.content.rules.slice(0, 1) },
    };
    mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${base}/reference-data`]: () => ({
        status: 200,
        body: referenceData(true, stale ? newer : undefined),
      }),
      [`POST ${base}/reference-data/language/versions`]: () => {
        stale = true;
        return {
          status: 409,
          body: {
            error: {
              code: 'stale_version',
              message:
                'Someone published version 2 while you were working on this. Check it and make your changes again.',
              details: { current: {} },
            },
          },
        };
      },
    });
    renderApp(`${page}/language`);
    await userEvent.type(await screen.findByLabelText('Name of the new version'), 'Mine');
    await userEvent.click(screen.getByRole('button', { name: 'Publish version 2' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText(/Someone published version 2/)).toBeTruthy();
    expect(await screen.findByText('The newest published version (version 2)')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Publish version 3' })).toBeTruthy());
    expect(screen.getByRole('button', { name: 'Start again from version 2' })).toBeTruthy();
  });
});
