import { describe, expect, it } from 'vitest';
import { checkTransition, mayEditConversation, nextStatuses, visibleToParticipant } from './lifecycle.ts';

describe('conversation lifecycle', () => {
  it('runs draft → shared → confirmed → agreed', () => {
    expect(checkTransition('draft', 'shared', ['reviewer'])).toEqual({ ok: true });
    expect(checkTransition('shared', 'confirmed', ['participant'])).toEqual({ ok: true });
    expect(checkTransition('confirmed', 'agreed', ['reviewer'])).toEqual({ ok: true });
  });

  it('lets the person ask for changes only with a comment, and the reviewer share again', () => {
    expect(checkTransition('shared', 'changes_requested', ['participant'])).toMatchObject({
      ok: false,
      reason: 'comment_required',
    });
    expect(checkTransition('shared', 'changes_requested', ['participant'], '  ')).toMatchObject({
      ok: false,
    });
    expect(checkTransition('shared', 'changes_requested', ['participant'], 'Date is wrong')).toEqual({
      ok: true,
    });
    expect(checkTransition('changes_requested', 'shared', ['reviewer'])).toEqual({ ok: true });
  });

  it('says who may make a move when the wrong person tries', () => {
    const r = checkTransition('shared', 'confirmed', ['reviewer']);
    expect(r).toMatchObject({ ok: false, reason: 'wrong_actor' });
    expect(!r.ok && r.message).toMatch(/Only the person the record is about/);
    expect(checkTransition('draft', 'shared', ['participant'])).toMatchObject({ reason: 'wrong_actor' });
    expect(checkTransition('confirmed', 'agreed', ['participant'])).toMatchObject({ reason: 'wrong_actor' });
  });

  it('refuses moves that do not exist, naming what is possible', () => {
    const r = checkTransition('draft', 'agreed', ['reviewer']);
    expect(r).toMatchObject({ ok: false, reason: 'not_allowed' });
    expect(!r.ok && r.message).toMatch(/Shared with the person/);
    expect(checkTransition('agreed', 'draft', ['reviewer'])).toMatchObject({ reason: 'not_allowed' });
  });

  it('lists next statuses per actor', () => {
    expect(nextStatuses('shared', ['reviewer'])).toEqual(['draft']);
    expect(nextStatuses('shared', ['participant'])).toEqual(['confirmed', 'changes_requested']);
    expect(nextStatuses('agreed', ['reviewer', 'participant'])).toEqual([]);
  });

  it('allows editing only in draft and when changes are asked for', () => {
    expect(mayEditConversation('draft')).toBe(true);
    expect(mayEditConversation('changes_requested')).toBe(true);
    expect(mayEditConversation('shared')).toBe(false);
    expect(mayEditConversation('confirmed')).toBe(false);
    expect(mayEditConversation('agreed')).toBe(false);
    expect(visibleToParticipant('draft')).toBe(false);
    expect(visibleToParticipant('shared')).toBe(true);
  });
});
