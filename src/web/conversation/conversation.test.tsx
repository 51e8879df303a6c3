import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConversationDto } from '#domain/conversation/dto.ts';
import { reviewBody, reviewId } from '../review/fixtures.ts';
import { demoPartnershipId, mockApi, renderApp, sessionBody } from '../testing/render.tsx';

const reviewApi = `/api/partnerships/${demoPartnershipId}/reviews/${reviewId}`;
const page = `/partnerships/${demoPartnershipId}/reviews/${reviewId}/conversations`;
const lee = {
  id: '5a8e3c1d-2b4f-4e6a-8c0d-1e2f3a4b5c6d',
  name: 'Lee Practitioner',
  roleLabel: 'Case group member',
};
const helen = {
  id: '6b9f4d2e-3c5a-4f7b-9d1e-2f3a4b5c6d7e',
  name: 'Helen Mercer',
  roleLabel: 'Lead reviewer',
};
const conversationId = '9c0a5e3f-4d6b-4a8c-8e2f-3a4b5c6d7e8f';

function conversation(overrides: Partial<ConversationDto> = {}): ConversationDto {
  return {
    id: conversationId,
    participant: { ...lee, jobTitle: 'Health visitor', agencyName: null },
    status: 'draft',
    statusLabel: 'Draft',
    heldOn: '2026-10-01',
    updatedAt: '2026-10-02T09:00:00.000Z',
    createdAt: '2026-10-02T09:00:00.000Z',
    version: 1,
    conductedBy: [helen],
    consentGiven: true,
    audioRecorded: false,
    content: {
      factorTaxonomyVersion: 'guide24-2008',
      roleAndInvolvement: 'Health visitor since birth',
      turningPoints: [{ title: 'Six-week check', when: 'March', description: 'Saw a mark' }],
      contributoryFactors: [{ group: 'conditions_of_work', description: 'Caseload of 400', rank: 1 }],
      wentWell: '',
      overviewQueries: [],
      suggestedChanges: '',
    },
    followUpQuestions: [],
    participantComment: null,
    isOwn: false,
    abilities: { edit: true, viewVersions: false, moveTo: ['shared'] },
    ...overrides,
  };
}

const reviewer = { ...reviewBody().abilities, viewConversations: true, recordConversations: true };

// The pages load lazily; load them once up front so each test waits only for its own data.
beforeAll(async () => {
  await import('./conversation-routes.tsx');
}, 30_000);

describe('conversations', { timeout: 30_000 }, () => {
  it('records a conversation with its structured sections, factors ranked by order', async () => {
    const calls = mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${reviewApi}`]: { status: 200, body: reviewBody({ abilities: reviewer }) },
      [`GET ${reviewApi}/conversations`]: {
        status: 200,
        body: { conversations: [], abilities: { record: true }, participants: [lee], conductors: [helen] },
      },
      [`POST ${reviewApi}/conversations`]: { status: 201, body: conversation() },
      [`GET ${reviewApi}/conversations/${conversationId}`]: { status: 200, body: conversation() },
    });
    renderApp(`${page}/new`);
    await userEvent.selectOptions(await screen.findByLabelText('Who was the conversation with?'), lee.id);
    await userEvent.type(screen.getByLabelText('Day'), '1');
    await userEvent.type(screen.getByLabelText('Month'), '10');
    await userEvent.type(screen.getByLabelText('Year'), '2026');
    await userEvent.click(screen.getByLabelText('Helen Mercer (lead reviewer)'));
    const consent = screen.getByRole('group', { name: /Did they give their consent/ });
    await userEvent.click(within(consent).getByLabelText('Yes'));
    const audio = screen.getByRole('group', { name: /audio recorded/ });
    await userEvent.click(within(audio).getByLabelText('No'));
    await userEvent.click(screen.getByRole('button', { name: 'Add a contributory factor' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add a contributory factor' }));
    const [first, second] = screen.getAllByLabelText('Group');
    await userEvent.selectOptions(first!, 'family');
    await userEvent.selectOptions(second!, 'conditions_of_work');
    const [d1, d2] = screen.getAllByLabelText('How it influenced what they thought and did');
    await userEvent.type(d1!, 'Father answered every question');
    await userEvent.type(d2!, 'Caseload of 400');
    await userEvent.click(screen.getByRole('button', { name: 'Move up factor ranked 2' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save conversation' }));

    expect(
      await screen.findByText(/conversation with Lee Practitioner has been saved as a draft/),
    ).toBeTruthy();
    const body = calls.find((c) => c.method === 'POST')?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      participantId: lee.id,
      heldOn: '2026-10-01',
      conductedBy: [helen.id],
      consentGiven: true,
      audioRecorded: false,
      content: {
        contributoryFactors: [
          { group: 'conditions_of_work', description: 'Caseload of 400', rank: 1 },
          { group: 'family', description: 'Father answered every question', rank: 2 },
        ],
      },
    });
    expect(screen.getByRole('button', { name: 'Share with Lee Practitioner' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Contributory factors' })).toBeTruthy();
  });

  it('lets the person check their own record and ask for changes, with a comment', async () => {
    const own = conversation({
      status: 'shared',
      statusLabel: 'Shared with the person',
      isOwn: true,
      version: 2,
      abilities: { edit: false, viewVersions: false, moveTo: ['confirmed', 'changes_requested'] },
    });
    const caseGroup = { ...reviewBody().abilities, viewOwnConversation: true };
    const calls = mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${reviewApi}`]: { status: 200, body: reviewBody({ abilities: caseGroup }) },
      [`GET ${reviewApi}/conversations/${conversationId}`]: { status: 200, body: own },
      [`POST ${reviewApi}/conversations/${conversationId}/status`]: ({ body }) =>
        (body as { comment?: string }).comment
          ? {
              status: 200,
              body: {
                ...own,
                status: 'changes_requested',
                statusLabel: 'Changes asked for',
                abilities: { ...own.abilities, moveTo: [] },
              },
            }
          : {
              status: 400,
              body: {
                error: {
                  code: 'validation_failed',
                  message: 'x',
                  details: { fields: [{ path: 'comment', message: 'Say what needs to change' }] },
                },
              },
            },
    });
    renderApp(`${page}/${conversationId}`);
    expect(
      await screen.findByText(/Check it says what you meant. Nothing here is about blame./),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Conversations' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'This is an accurate record' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Ask for changes' }));
    expect((await screen.findAllByText('Say what needs to change')).length).toBeGreaterThan(0);
    await userEvent.type(screen.getByLabelText('What needs to change?'), 'It was the six-week check');
    await userEvent.click(screen.getByRole('button', { name: 'Ask for changes' }));
    expect(await screen.findByText(/asked to make your changes/)).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST').at(-1)?.body).toEqual({
      to: 'changes_requested',
      version: 2,
      comment: 'It was the six-week check',
    });
    expect(screen.queryByText(/interview/i)).toBeNull();
  });
});
