import { z } from 'zod';

/** Roles a person holds in a partnership (review roles come with reviews). */
export const partnershipRoles = {
  partnership_admin: 'Partnership admin',
  business_manager: 'Business manager',
  member: 'Member',
} as const;

export type PartnershipRole = keyof typeof partnershipRoles;
export const partnershipRole = z.enum(
  Object.keys(partnershipRoles) as [PartnershipRole, ...PartnershipRole[]],
  { error: 'Select a role' },
);
