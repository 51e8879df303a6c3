import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { expect, vi } from 'vitest';
import { languageCheckReply } from '../analysis/episode-fixtures.ts';
import { mockApi, renderWithProviders } from '../testing/render.tsx';
import { leadReviewer, reportApi, reportBody, reviewApi } from './report-fixtures.ts';
import { ReportRoutes } from './report-routes.tsx';

type ApiRoutes = Parameters<typeof mockApi>[0];

/** Renders the report pages at an address, with the review and the report answered unless told otherwise. */
export function renderReport(at: string, routes: ApiRoutes = {}, review = leadReviewer) {
  const calls = mockApi({
    [`GET ${reviewApi}`]: { status: 200, body: review },
    [`GET ${reportApi}`]: { status: 200, body: reportBody() },
    [`POST ${reviewApi}/language-check`]: languageCheckReply,
    ...routes,
  });
  renderWithProviders(
    <Routes>
      <Route path="/partnerships/:partnershipId/reviews/:reviewId/report/*" element={<ReportRoutes />} />
    </Routes>,
    at,
  );
  return calls;
}

/** Holds back the answers to calls whose address ends with `ending` until `release` is called. */
export function holdBack(ending: string) {
  const inner = globalThis.fetch;
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    if (init?.method === 'POST' && String(input).endsWith(ending)) await gate;
    return inner(input, init);
  });
  return () => release();
}

/** The page's structure holds: one h1, no repeated ids, every field labelled. */
export function expectWellFormed() {
  expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  for (const field of document.querySelectorAll('input, select, textarea'))
    expect((field as HTMLInputElement).labels?.length ?? 0, field.id).toBeGreaterThan(0);
}

/** Puts text into a field in one go, as pasting does. */
export async function write(field: HTMLElement, text: string) {
  await userEvent.click(field);
  await userEvent.paste(text);
}
