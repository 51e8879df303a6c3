import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { reviewBody } from '../review/fixtures.ts';
import { mockApi, renderWithProviders } from '../testing/render.tsx';
import {
  boardMember,
  boardResponseBody,
  businessManager,
  findingId,
  findingResponseBody,
  reviewAddress,
  reviewApi,
} from './action-fixtures.ts';
import { BoardResponseRoute } from './action-routes.tsx';
import { staleResponseMessage } from './board-response-form.tsx';

const responseApi = `${reviewApi}/findings/${findingId}/board-response`;

function renderPage(routes: Parameters<typeof mockApi>[0], review = businessManager) {
  const calls = mockApi({
    [`GET ${reviewApi}`]: { status: 200, body: review },
    [`GET ${reviewApi}/board-response`]: { status: 200, body: boardResponseBody() },
    ...routes,
  });
  renderWithProviders(
    <Routes>
      <Route
        path="/partnerships/:partnershipId/reviews/:reviewId/board-response"
        element={<BoardResponseRoute />}
      />
    </Routes>,
    `${reviewAddress}/board-response`,
  );
  return calls;
}

describe('the board’s response', { timeout: 30_000 }, () => {
  it('records a response with the version it began from and the date agreed', async () => {
    const calls = renderPage({
      [`PUT ${responseApi}`]: {
        status: 200,
        body: findingResponseBody({
          response: 'The board accepts this.',
          agreedOn: '2027-03-02',
          version: 1,
        }),
      },
    });
    const form = within(await screen.findByRole('form', { name: 'The board’s response to finding 1' }));
    expect(screen.getByRole('heading', { level: 1, name: 'The board’s response' })).toBeTruthy();
    expect(screen.getByText('How will the board know forms invite doubt?')).toBeTruthy();
    const user = userEvent.setup();
    await user.type(form.getByLabelText('The board’s response to finding 1'), 'The board accepts this.');
    await user.type(form.getByLabelText('Day'), '2');
    await user.type(form.getByLabelText('Month'), '3');
    await user.type(form.getByLabelText('Year'), '2027');
    await user.click(form.getByRole('button', { name: 'Save the response' }));
    expect(await screen.findByText('The board’s response to finding 1 has been saved')).toBeTruthy();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      version: 0,
      response: 'The board accepts this.',
      agreedOn: '2027-03-02',
    });
    expect(screen.getByRole('link', { name: /board’s response as a PDF/ }).getAttribute('href')).toBe(
      `${reviewApi}/board-response/files/pdf`,
    );
  });

  it('says when someone else changed the response, and keeps what was written', async () => {
    renderPage({
      [`PUT ${responseApi}`]: {
        status: 409,
        body: { error: { code: 'stale_version', message: 'This record has changed.' } },
      },
    });
    const form = within(await screen.findByRole('form', { name: 'The board’s response to finding 1' }));
    const user = userEvent.setup();
    await user.type(form.getByLabelText('The board’s response to finding 1'), 'My wording.');
    await user.click(form.getByRole('button', { name: 'Save the response' }));
    expect(await screen.findByText(staleResponseMessage)).toBeTruthy();
    expect(screen.getByText('What you wrote, not saved')).toBeTruthy();
  });

  it('offers the chair the learning briefing, which they cannot reach from the findings', async () => {
    const chair = reviewBody({
      abilities: {
        ...reviewBody().abilities,
        viewBoardResponse: true,
        recordBoardResponse: true,
        viewActions: true,
        manageActions: true,
        generateBriefing: true,
      },
    });
    renderPage({}, chair);
    const briefing = within(await screen.findByRole('region', { name: 'Download the learning briefing' }));
    expect(
      briefing
        .getByRole('link', { name: 'Download the learning briefing as a Word document (DOCX)' })
        .getAttribute('href'),
    ).toBe(`${reviewApi}/learning-briefing/docx`);
    expect(
      briefing.getByRole('link', { name: 'Download the learning briefing as a PDF' }).getAttribute('href'),
    ).toBe(`${reviewApi}/learning-briefing/pdf`);
  });

  it('shows a board member the response as recorded, with no form', async () => {
    renderPage(
      {
        [`GET ${reviewApi}/board-response`]: {
          status: 200,
          body: boardResponseBody({ abilities: { record: false, download: true } }),
        },
      },
      boardMember,
    );
    expect(await screen.findByText('The board accepts the finding.')).toBeTruthy();
    expect(screen.getByText('2 March 2027')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save the response' })).toBeNull();
    expect(screen.getByRole('link', { name: '1 action answers this finding' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /learning briefing/ })).toBeNull();
  });
});
