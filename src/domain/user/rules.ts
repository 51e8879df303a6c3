import type { PartnershipRole } from './roles.ts';

/**
 * Whether changing one membership would leave the partnership with no active partnership admin,
 * which would lock everyone out of managing people.
 */
export function leavesNoAdmin(
  activeAdminCount: number,
  before: { role: PartnershipRole; active: boolean },
  after: { role: PartnershipRole; active: boolean },
): boolean {
  const wasAdmin = before.active && before.role === 'partnership_admin';
  const isAdmin = after.active && after.role === 'partnership_admin';
  return wasAdmin && !isAdmin && activeAdminCount <= 1;
}
