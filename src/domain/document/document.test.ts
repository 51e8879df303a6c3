import { describe, expect, it } from 'vitest';
import type { ReviewActor } from '../review/policy.ts';
import { contentDisposition, looksLikeEmail, looksLikeText, safeFilename } from './content.ts';
import { mayOpenDocuments, maySeeDocument, uploadDocumentFields, visibleRestrictions } from './document.ts';

const actor = (
  role: ReviewActor['reviewRoles'][number] | null,
  partnershipRole: ReviewActor['partnershipRole'] = 'member',
): ReviewActor => ({
  reviewRoles: role ? [role] : [],
  partnershipRole,
});

describe('who may see a document', () => {
  it('gives each circle its restrictions', () => {
    expect(visibleRestrictions(actor('lead_reviewer'))).toEqual([
      'lead_reviewers',
      'review_team',
      'case_group',
    ]);
    expect(visibleRestrictions(actor('supervisor'))).toEqual(['lead_reviewers', 'review_team', 'case_group']);
    expect(visibleRestrictions(actor(null, 'business_manager'))).toEqual([
      'lead_reviewers',
      'review_team',
      'case_group',
    ]);
    expect(visibleRestrictions(actor('review_team_member'))).toEqual(['review_team', 'case_group']);
    expect(visibleRestrictions(actor('case_group_member'))).toEqual(['case_group']);
    expect(visibleRestrictions(actor('family_member'))).toEqual([]);
    expect(maySeeDocument(actor('chair'), 'case_group')).toBe(false);
  });

  it('opens the documents to the review team side and the case group only', () => {
    expect(mayOpenDocuments(actor('case_group_member'))).toBe(true);
    expect(mayOpenDocuments(actor('review_team_member'))).toBe(true);
    expect(mayOpenDocuments(actor('board_member'))).toBe(false);
    expect(mayOpenDocuments(actor('family_member'))).toBe(false);
  });
});

describe('upload fields', () => {
  it('treats empty form fields as not given and names bad ones', () => {
    expect(uploadDocumentFields.parse({ kind: 'minutes', agencyId: '', dateFrom: '' })).toMatchObject({
      agencyId: null,
      dateFrom: null,
      restriction: 'review_team',
    });
    const bad = uploadDocumentFields.safeParse({
      kind: 'minutes',
      dateFrom: '2024-02-01',
      dateTo: '2024-01-01',
    });
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['dateTo']);
  });
});

describe('content', () => {
  it('tells text from binary, allowing a character cut at the end', () => {
    expect(looksLikeText(new TextEncoder().encode('Café'))).toBe(true);
    expect(looksLikeText(new TextEncoder().encode('Caf€').subarray(0, 5))).toBe(true);
    expect(looksLikeText(Uint8Array.from([0x61, 0, 0x62]))).toBe(false);
    expect(looksLikeText(Uint8Array.from([0xff, 0xfe, 0x41]))).toBe(false);
  });

  it('recognises an email by its headers', () => {
    expect(looksLikeEmail('From: a@b.org\nSubject: Hello\n\nBody')).toBe(true);
    expect(looksLikeEmail('From: the start of a poem\nand more')).toBe(false);
  });

  it('makes file names safe and gives them the right extension', () => {
    expect(safeFilename('../../etc/passwd', 'text/plain')).toBe('passwd.txt');
    expect(safeFilename('report.pdf.exe', 'application/pdf')).toBe('report.pdf.exe.pdf');
    expect(safeFilename('"a"\r\n.png', 'image/png')).toBe('_a___.png');
    expect(safeFilename('', 'image/png')).toBe('document.png');
    expect(contentDisposition('inline', 'Résumé.pdf')).toBe(
      `inline; filename="R_sum_.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9.pdf`,
    );
  });
});
