import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DocumentDto } from '#domain/document/document.ts';
import { reviewBody, reviewId } from '../review/fixtures.ts';
import { demoPartnershipId, mockApi, renderApp, sessionBody } from '../testing/render.tsx';

const base = `/api/partnerships/${demoPartnershipId}/reviews/${reviewId}`;
const page = `/partnerships/${demoPartnershipId}/reviews/${reviewId}/documents`;
const docId = '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

const doc = (overrides: Partial<DocumentDto> = {}): DocumentDto => ({
  id: docId,
  title: 'Strategy meeting minutes',
  kind: 'minutes',
  kindLabel: 'Minutes',
  agencyId: null,
  agencyName: 'Police',
  dateFrom: '2024-01-02',
  dateTo: '2024-03-01',
  restriction: 'review_team',
  restrictionLabel: 'Review team',
  originalFilename: 'minutes.pdf',
  mediaType: 'application/pdf',
  typeLabel: 'PDF',
  sizeBytes: 2400,
  sha256: 'a'.repeat(64),
  hasText: true,
  uploadedBy: 'Lee Lead',
  uploadedAt: '2026-03-02T10:00:00.000Z',
  version: 1,
  abilities: { edit: true, preview: true },
  ...overrides,
});

const common = {
  'GET /api/session': { status: 200, body: sessionBody() },
  [`GET ${base}`]: { status: 200, body: reviewBody() },
  [`GET /api/partnerships/${demoPartnershipId}/agencies`]: {
    status: 200,
    body: { agencies: [], abilities: {} },
  },
};

describe('documents', () => {
  it('lists documents with their kind, agency, dates and who may see them', async () => {
    mockApi({
      ...common,
      [`GET ${base}/documents`]: { status: 200, body: { documents: [doc()], abilities: { upload: true } } },
    });
    renderApp(page);
    const table = await screen.findByRole('table', { name: '1 document' }, { timeout: 5000 });
    const row = within(table).getByRole('link', { name: 'Strategy meeting minutes' }).closest('tr')!;
    expect(row.textContent).toContain('Minutes');
    expect(row.textContent).toContain('Police');
    expect(row.textContent).toContain('2 January 2024 to 1 March 2024');
    expect(row.textContent).toContain('Review team');
    expect(row.textContent).toContain('2 KB');
    expect(screen.getByRole('link', { name: 'Upload a document' })).toBeTruthy();
  });

  it('tells someone with no documents shared with them so, calmly', async () => {
    mockApi({
      ...common,
      [`GET ${base}/documents`]: { status: 403, body: { error: { code: 'forbidden', message: 'No' } } },
    });
    renderApp(page);
    expect(
      await screen.findByText(
        'No documents have been shared with you in this review.',
        {},
        { timeout: 5000 },
      ),
    ).toBeTruthy();
  });

  it('shows a document with a preview that opens in a new tab and a download', async () => {
    mockApi({ ...common, [`GET ${base}/documents/${docId}`]: { status: 200, body: doc() } });
    renderApp(`${page}/${docId}`);
    const preview = await screen.findByRole(
      'link',
      { name: /Preview Strategy meeting minutes/ },
      { timeout: 5000 },
    );
    expect(preview.getAttribute('href')).toBe(`${base}/documents/${docId}/preview`);
    expect(preview.getAttribute('target')).toBe('_blank');
    const download = screen.getByRole('link', { name: 'Download Strategy meeting minutes' });
    expect(download.getAttribute('href')).toBe(`${base}/documents/${docId}/content`);
  });

  it('checks the file and kind before uploading', async () => {
    mockApi({
      ...common,
      [`GET ${base}/documents`]: { status: 200, body: { documents: [], abilities: { upload: true } } },
    });
    renderApp(`${page}/new`);
    await userEvent.click(await screen.findByRole('button', { name: 'Upload document' }, { timeout: 5000 }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Select a file to upload' }).getAttribute('href')).toBe(
      '#file',
    );
    expect(within(summary).getByRole('link', { name: 'Select the kind of document' })).toBeTruthy();
    expect(screen.getByLabelText('Upload a file')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Who may see it' })).toBeTruthy();
  });
});
