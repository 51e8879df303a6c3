import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { healthId, policeId } from '../chronology/fixtures.ts';
import { reviewBody, reviewId } from '../review/fixtures.ts';
import { demoPartnershipId, mockApi, renderWithProviders, sessionBody } from '../testing/render.tsx';
import { causalMapBody, episodeOneHref, mapAddress, mapApi } from './causal-map-fixtures.ts';
import { CausalMapPage } from './causal-map-page.tsx';

const reviewApi = `/api/partnerships/${demoPartnershipId}/reviews/${reviewId}`;
const episodesAddress = `/partnerships/${demoPartnershipId}/reviews/${reviewId}/episodes`;
const analyst = reviewBody({
  abilities: { ...reviewBody().abilities, viewAnalysis: true, editAnalysis: true },
});

function Where() {
  const location = useLocation();
  return <p data-testid="where">{`${location.pathname}${location.search}`}</p>;
}

function show(path = mapAddress, routes: Record<string, { status: number; body?: unknown }> = {}) {
  const calls = mockApi({
    'GET /api/session': { status: 200, body: sessionBody() },
    [`GET ${reviewApi}`]: { status: 200, body: analyst },
    [`GET ${mapApi}`]: { status: 200, body: causalMapBody() },
    ...routes,
  });
  renderWithProviders(
    <>
      <Routes>
        <Route path="/partnerships/:partnershipId/reviews/:reviewId/causal-map" element={<CausalMapPage />} />
        <Route
          path="/partnerships/:partnershipId/reviews/:reviewId/episodes/:episodeId"
          element={<h1>Episode workbench</h1>}
        />
      </Routes>
      <Where />
    </>,
    path,
  );
  return calls;
}

const diagram = () => screen.findByRole('group', { name: /Causal map of Child A/ });
const box = (name: RegExp) => {
  const found = document.querySelectorAll<SVGElement>('[data-node]');
  const match = [...found].find((n) => name.test(n.getAttribute('aria-label') ?? ''));
  if (!match) throw new Error(`No box named ${name}`);
  return match;
};

describe('causal map page', () => {
  it('draws the episodes, their factors and findings, with a key, a back link and the map in words', async () => {
    show();
    expect(await screen.findByRole('heading', { level: 1, name: 'Causal map' })).toBeTruthy();
    await diagram();
    expect(document.title).toBe('Causal map – Child A – Sightlines');
    expect(screen.getByRole('link', { name: 'Back to key practice episodes' }).getAttribute('href')).toBe(
      episodesAddress,
    );
    expect(screen.getByRole('navigation', { name: 'Review sections' })).toBeTruthy();
    expect(
      screen.getByText('Showing 3 key practice episodes, 3 contributory factors and 1 finding.'),
    ).toBeTruthy();

    // Each box is reachable and named, episodes as links to their pages.
    const episode = screen.getByRole('link', { name: /^Key practice episode 1\. Home visit/ });
    expect(episode.getAttribute('href')).toBe(episodeOneHref);
    expect(episode.getAttribute('aria-label')).toContain('Appraisal: Good');
    const factor = box(/^Contributory factor: Workload/);
    expect(factor.getAttribute('tabindex')).toBe('0');
    expect(factor.getAttribute('role')).toBe('img');
    expect(box(/^Finding 1/).getAttribute('aria-label')).toContain('Supported by 1. Home visit');
    // A long title is cut on the drawing, with the whole of it in the tooltip.
    expect(episode.querySelector('title')?.textContent).toContain('about bruising');

    // The key says in words what each colour and line means.
    expect(screen.getByRole('heading', { name: 'Key' })).toBeTruthy();
    for (const label of ['Good', 'Problematic', 'Not yet appraised', 'Conditions of work', 'Own team']) {
      expect(screen.getAllByText(label).length).toBeGreaterThan(0);
    }

    const words = screen.getByRole('region', { name: 'Episodes and their contributory factors' });
    const first = within(words).getByRole('link', {
      name: 'Episode 1: Home visit after the referral from the school about bruising',
    });
    expect(first.getAttribute('href')).toBe(episodeOneHref);
    expect(words.textContent).toContain('Workload (Conditions of work)');
    expect(words.textContent).toContain('The social worker held 30 cases');
    expect(words.textContent).toContain('Finding 1: Heavy caseloads make it harder to see the child');
    expect(words.textContent).toContain('None recorded');
  });

  it('picks out a box’s lines and neighbours on focus or hover, and follows lines with the arrow keys', async () => {
    show();
    await diagram();
    const factor = box(/^Contributory factor: Workload/);
    factor.focus();
    await waitFor(() => expect(factor.getAttribute('data-emphasis')).toBe('active'));
    expect(box(/^Key practice episode 1\./).getAttribute('data-emphasis')).toBe('near');
    expect(box(/^Key practice episode 3\./).getAttribute('data-emphasis')).toBe('faint');
    const lit = [...document.querySelectorAll('[data-edge]')].filter(
      (e) => e.getAttribute('stroke-width') === '3',
    );
    expect(lit.map((e) => e.getAttribute('data-edge')).sort()).toEqual([
      'factor:conditions_of_work:workload->episode:e1',
      'factor:conditions_of_work:workload->episode:e2',
    ]);

    fireEvent.keyDown(factor, { key: 'ArrowRight' });
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Key practice episode [12]\./);
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowRight' });
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Finding 1/);

    const finding = box(/^Finding 1/);
    fireEvent.blur(finding);
    fireEvent.mouseEnter(box(/^Key practice episode 3\./));
    expect(box(/^Key practice episode 3\./).getAttribute('data-emphasis')).toBe('active');
    expect(finding.getAttribute('data-emphasis')).toBe('faint');
  });

  it('opens an episode’s page with Enter', async () => {
    show();
    await diagram();
    const episode = box(/^Key practice episode 1\./);
    episode.focus();
    fireEvent.keyDown(episode, { key: 'Enter' });
    expect(await screen.findByRole('heading', { name: 'Episode workbench' })).toBeTruthy();
    expect(screen.getByTestId('where').textContent).toBe(episodeOneHref);
  });

  it('zooms in, out and back with buttons or the keyboard', async () => {
    show();
    const svg = await diagram();
    const width = Number(svg.getAttribute('width'));
    await userEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(Number(svg.getAttribute('width'))).toBeGreaterThan(width);
    expect(screen.getByText('Zoom: 125%')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Reset zoom' }));
    expect(Number(svg.getAttribute('width'))).toBe(width);
    fireEvent.keyDown(box(/^Finding 1/), { key: '-' });
    expect(Number(svg.getAttribute('width'))).toBeLessThan(width);
    expect(svg.getAttribute('viewBox')).toBe(
      `0 0 ${svg.getAttribute('data-width')} ${svg.getAttribute('data-height')}`,
    );
  });

  it('puts the chosen agency and group in the address and asks for the narrowed map', async () => {
    const filtered = causalMapBody({
      nodes: causalMapBody().nodes.filter(
        (n) => n.id === 'episode:e1' || n.id === 'factor:own_team:supervision',
      ),
      edges: [{ from: 'factor:own_team:supervision', to: 'episode:e1', kind: 'influenced', detail: null }],
    });
    const calls = show(mapAddress, {
      [`GET ${mapApi}?agencyId=${policeId}&group=own_team`]: { status: 200, body: filtered },
    });
    await diagram();
    await userEvent.selectOptions(screen.getByLabelText('Agency'), 'Police');
    await userEvent.selectOptions(screen.getByLabelText('Group of contributory factors'), 'Own team');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));

    await waitFor(() =>
      expect(screen.getByTestId('where').textContent).toBe(
        `${mapAddress}?agencyId=${policeId}&group=own_team`,
      ),
    );
    expect(
      await screen.findByText(
        'Showing 1 key practice episode and 1 contributory factor (Police only, Own team factors only).',
      ),
    ).toBeTruthy();
    expect(calls.some((c) => c.path === `${mapApi}?agencyId=${policeId}&group=own_team`)).toBe(true);
    expect((screen.getByLabelText('Agency') as HTMLSelectElement).value).toBe(policeId);
    expect(await diagram()).toBeTruthy();
    expect(
      screen.getByRole('group', { name: 'Causal map of Child A (Police only, Own team factors only)' }),
    ).toBeTruthy();

    await userEvent.click(screen.getByRole('link', { name: 'Clear filters' }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe(mapAddress));
  });

  it('says there are no episodes yet, with a link to the episodes', async () => {
    show(mapAddress, { [`GET ${mapApi}`]: { status: 200, body: causalMapBody({ nodes: [], edges: [] }) } });
    expect(await screen.findByRole('heading', { name: 'No episodes yet' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the key practice episodes' }).getAttribute('href')).toBe(
      episodesAddress,
    );
    expect(screen.queryByRole('button', { name: 'Download SVG' })).toBeNull();
  });

  it('says when no episodes match the filters', async () => {
    show(`${mapAddress}?agencyId=${healthId}`, {
      [`GET ${mapApi}?agencyId=${healthId}`]: { status: 200, body: causalMapBody({ nodes: [], edges: [] }) },
    });
    expect(await screen.findByRole('heading', { name: 'No episodes match these filters' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Clear the filters' }).getAttribute('href')).toBe(mapAddress);
  });

  it('shows a filter the server refused in the error summary', async () => {
    show(`${mapAddress}?agencyId=nope`, {
      [`GET ${mapApi}?agencyId=nope`]: {
        status: 400,
        body: {
          error: {
            code: 'invalid',
            message: 'Check the filters',
            details: { fields: [{ path: 'agencyId', message: 'Choose an agency from the list' }] },
          },
        },
      },
    });
    const alert = await screen.findByRole('alert');
    expect(
      within(alert).getByRole('link', { name: 'Choose an agency from the list' }).getAttribute('href'),
    ).toBe('#agencyId');
  });

  it('downloads the drawing as an SVG file that stands alone', async () => {
    show();
    await diagram();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:map';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await userEvent.click(screen.getByRole('button', { name: 'Download SVG' }));
    expect(click).toHaveBeenCalledOnce();
    expect((click.mock.instances[0] as unknown as HTMLAnchorElement).download).toBe('causal-map-child-a.svg');
    expect(blobs[0]?.type).toBe('image/svg+xml');
    const text = await blobs[0]?.text();
    expect(text).toContain('Strategy discussion');
    expect(
      new DOMParser().parseFromString(text ?? '', 'image/svg+xml').getElementsByTagName('parsererror'),
    ).toHaveLength(0);
  });

  it('draws the SVG into a canvas at twice its size and downloads a PNG', async () => {
    show();
    const svg = await diagram();
    const sources: string[] = [];
    vi.stubGlobal(
      'Image',
      class {
        onload: (() => void) | null = null;
        onerror: (() => void) | null = null;
        set src(value: string) {
          sources.push(value);
          setTimeout(() => this.onload?.(), 0);
        }
      },
    );
    const drawn = { scale: vi.fn(), fillRect: vi.fn(), drawImage: vi.fn(), fillStyle: '' };
    const canvases: HTMLCanvasElement[] = [];
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
      this: HTMLCanvasElement,
    ) {
      canvases.push(this);
      return drawn as unknown as CanvasRenderingContext2D;
    } as never);
    vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((done) =>
      done(new Blob(['png'], { type: 'image/png' })),
    );
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:png');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});

    await userEvent.click(screen.getByRole('button', { name: 'Download PNG' }));
    await waitFor(() => expect(click).toHaveBeenCalledOnce());
    expect((click.mock.instances[0] as unknown as HTMLAnchorElement).download).toBe('causal-map-child-a.png');
    expect(sources[0]?.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(sources[0] ?? '')).toContain('Strategy discussion');
    expect(drawn.scale).toHaveBeenCalledWith(2, 2);
    expect(canvases[0]?.width).toBeGreaterThanOrEqual(2 * Number(svg.getAttribute('data-width')));
  });

  it('says so when this browser cannot make a PNG', async () => {
    show();
    await diagram();
    vi.stubGlobal(
      'Image',
      class {
        onload: (() => void) | null = null;
        onerror: (() => void) | null = null;
        set src(_value: string) {
          setTimeout(() => this.onerror?.(), 0);
        }
      },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Download PNG' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'The PNG could not be made in this browser. Download the SVG instead.',
    );
  });
});
