import { z } from 'zod';
import { id } from '../shared/fields.ts';

export const partnershipParams = z.object({ partnershipId: id });

export const partnershipDto = z.object({
  id,
  name: z.string(),
  slug: z.string(),
  counts: z.object({ agencies: z.int(), users: z.int() }),
  abilities: z.object({
    manageAgencies: z.boolean(),
    listUsers: z.boolean(),
    manageUsers: z.boolean(),
    viewAudit: z.boolean(),
    manageIntake: z.boolean(),
    commissionReviews: z.boolean(),
    viewReferenceData: z.boolean(),
    manageReferenceData: z.boolean(),
  }),
});
export type PartnershipDto = z.infer<typeof partnershipDto>;
