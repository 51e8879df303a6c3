import { describe, expect, it } from 'vitest';
import { leavesNoAdmin } from './rules.ts';

const admin = { role: 'partnership_admin' as const, active: true };

describe('leavesNoAdmin', () => {
  it('refuses demoting or deactivating the last admin', () => {
    expect(leavesNoAdmin(1, admin, { role: 'member', active: true })).toBe(true);
    expect(leavesNoAdmin(1, admin, { ...admin, active: false })).toBe(true);
  });
  it('allows it when another admin remains', () => {
    expect(leavesNoAdmin(2, admin, { role: 'member', active: true })).toBe(false);
  });
  it('allows any change to a non-admin', () => {
    expect(leavesNoAdmin(1, { role: 'member', active: true }, { role: 'member', active: false })).toBe(false);
  });
});
