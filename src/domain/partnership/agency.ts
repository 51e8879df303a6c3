import { z } from 'zod';
import { id, optionalText, requiredText, version } from '../shared/fields.ts';

/** The sectors an agency in a safeguarding partnership belongs to, with the words users know. */
export const agencySectors = {
  childrens_social_care: "Children's social care",
  police: 'Police',
  health_acute: 'Health: acute hospital',
  health_community: 'Health: community',
  health_gp: 'Health: GP',
  health_mental_health: 'Health: mental health',
  health_ambulance: 'Health: ambulance',
  education: 'Education',
  probation: 'Probation',
  housing: 'Housing',
  voluntary: 'Voluntary sector',
  other: 'Other',
} as const;

export type AgencySector = keyof typeof agencySectors;
export const agencySector = z.enum(Object.keys(agencySectors) as [AgencySector, ...AgencySector[]], {
  error: 'Select the sector the agency works in',
});

export const createAgencyInput = z.object({
  name: requiredText('the agency name', 160),
  sector: agencySector,
  shortName: optionalText('the short name', 40),
});
export type CreateAgencyInput = z.infer<typeof createAgencyInput>;

export const updateAgencyInput = createAgencyInput.partial().extend({
  active: z.boolean().optional(),
  version,
});
export type UpdateAgencyInput = z.infer<typeof updateAgencyInput>;

export const agencyDto = z.object({
  id,
  name: z.string(),
  shortName: z.string().nullable(),
  sector: agencySector,
  sectorLabel: z.string(),
  active: z.boolean(),
  version: z.int(),
  createdAt: z.string(),
  abilities: z.object({ update: z.boolean() }),
});
export type AgencyDto = z.infer<typeof agencyDto>;

export const agencyList = z.object({
  agencies: z.array(agencyDto),
  abilities: z.object({ create: z.boolean() }),
});
export type AgencyList = z.infer<typeof agencyList>;
