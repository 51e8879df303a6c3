import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { standardLetterTemplates } from '#domain/letter/standard-templates.ts';
import { demoPartnershipId, mockApi, renderApp, sessionBody } from '../testing/render.tsx';

const reviewId = '3d1e8f5a-6b7c-4d2e-9f01-2a3b4c5d6e7f';
const lettersPath = `/api/partnerships/${demoPartnershipId}/reviews/${reviewId}/letters`;
const amira = '1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9';
const options = {
  review: { id: reviewId, title: 'Child A' },
  kinds: [
    {
      kind: 'introductory',
      label: 'Introductory letter to a participant',
      hint: 'Invites…',
      participantRequired: true,
      recipientIds: [amira],
    },
    {
      kind: 'family',
      label: 'Letter to the family',
      hint: 'Tells…',
      participantRequired: false,
      recipientIds: [],
    },
  ],
  recipients: [{ participantId: amira, name: 'Amira Haddad', roleLabel: 'Case group member' }],
  abilities: { generate: true, editTemplates: false },
};

describe('letters', () => {
  it('asks who an introductory letter is to, then downloads it', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:letter');
    URL.revokeObjectURL = vi.fn();
    const calls = mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${lettersPath}`]: { status: 200, body: options },
      [`GET ${lettersPath}/introductory?participantId=${amira}`]: { status: 200, body: 'PK' },
    });
    renderApp(`/partnerships/${demoPartnershipId}/reviews/${reviewId}/letters`);
    await userEvent.click(await screen.findByLabelText('Introductory letter to a participant'));
    await userEvent.click(screen.getByRole('button', { name: 'Download letter (Word document)' }));
    expect(await screen.findByRole('link', { name: 'Select who the letter is to' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Change the wording/ })).toBeNull();

    await userEvent.selectOptions(screen.getByLabelText('Who is the letter to?'), amira);
    await userEvent.click(screen.getByRole('button', { name: 'Download letter (Word document)' }));
    expect(await screen.findByText('The letter has been created')).toBeTruthy();
    expect(calls.at(-1)?.path).toBe(`${lettersPath}/introductory?participantId=${amira}`);
  });

  it('shows the server’s reason when a template uses a placeholder that does not exist', async () => {
    const templatesPath = `/api/partnerships/${demoPartnershipId}/letter-templates`;
    mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${templatesPath}`]: {
        status: 200,
        body: {
          templates: [
            {
              kind: 'family',
              kindLabel: 'Letter to the family',
              hint: 'Tells the family…',
              body: standardLetterTemplates.family,
              standardBody: standardLetterTemplates.family,
              isStandard: true,
              version: null,
              updatedAt: null,
              abilities: { update: true },
            },
          ],
          placeholders: [
            { name: 'participant.name', description: 'The name of the person the letter is to' },
          ],
          abilities: { update: true },
        },
      },
      [`PUT ${templatesPath}/family`]: ({ body }) => {
        expect(body).toEqual({ body: 'Dear {{child}}', version: null });
        return {
          status: 400,
          body: {
            error: {
              code: 'validation_failed',
              message: 'There is a problem with what you entered.',
              details: { fields: [{ path: 'body', message: '{{child}} is not a placeholder you can use' }] },
            },
          },
        };
      },
    });
    renderApp(`/partnerships/${demoPartnershipId}/letter-templates/family`);
    const wording = await screen.findByLabelText('Wording of the letter');
    expect(screen.getByRole('table', { name: 'Placeholders you can use' })).toBeTruthy();
    await userEvent.clear(wording);
    await userEvent.type(wording, 'Dear {{{{child}}');
    await userEvent.click(screen.getByRole('button', { name: 'Save wording' }));
    await waitFor(() =>
      expect(
        screen.getByRole('link', { name: '{{child}} is not a placeholder you can use' }).getAttribute('href'),
      ).toBe('#body'),
    );
  });
});
