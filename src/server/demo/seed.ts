import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { AgencySector } from '#domain/partnership/agency.ts';
import type { PartnershipRole } from '#domain/user/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { hashPassword } from '../auth/password.ts';
import type { Db, Queryable } from '../db/client.ts';
import { agencies, memberships, partnerships, users } from '../db/schema/index.ts';

export const DEMO_SLUG = 'demo';
export const DEMO_PARTNERSHIP_NAME = 'Northbrook Safeguarding Children Partnership (demo)';

const demoAgencies: [string, string, AgencySector][] = [
  ['Northbrook Council Children’s Services', 'CSC', 'childrens_social_care'],
  ['Northbrook Police', 'Police', 'police'],
  ['Northbrook Hospitals NHS Trust', 'Acute', 'health_acute'],
  ['Northbrook Community Health NHS Trust', 'Community health', 'health_community'],
  ['Riverside Medical Practice', 'GP', 'health_gp'],
  ['Northbrook Mental Health NHS Foundation Trust', 'Mental health', 'health_mental_health'],
  ['North Region Ambulance Service', 'Ambulance', 'health_ambulance'],
  ['Northbrook Education Service', 'Education', 'education'],
  ['Probation Service: Northbrook', 'Probation', 'probation'],
  ['Northbrook Homes', 'Housing', 'housing'],
  ['Family Lifeline (charity)', 'Family Lifeline', 'voluntary'],
];

export const demoUsers: {
  email: string;
  name: string;
  role: PartnershipRole;
  jobTitle: string;
  agency: string;
}[] = [
  {
    email: 'admin@demo.sightlines.test',
    name: 'Alex Morgan',
    role: 'partnership_admin',
    jobTitle: 'Partnership systems administrator',
    agency: 'CSC',
  },
  {
    email: 'manager@demo.sightlines.test',
    name: 'Sam Okafor',
    role: 'business_manager',
    jobTitle: 'Safeguarding partnership business manager',
    agency: 'CSC',
  },
  {
    email: 'member@demo.sightlines.test',
    name: 'Priya Shah',
    role: 'member',
    jobTitle: 'Named nurse for safeguarding',
    agency: 'Community health',
  },
];

export type DemoSeedResult = {
  created: boolean;
  password: string | null;
  generated: boolean;
  logins: { email: string; role: string }[];
};

/** Whether the database holds no partnership at all (a first start). */
export async function isEmpty(q: Queryable): Promise<boolean> {
  const [row] = await q.select({ n: count() }).from(partnerships);
  return (row?.n ?? 0) === 0;
}

/**
 * Loads the fictional demo partnership with its agencies and one person per role, once. The
 * password is the one given, or a generated one that the caller prints.
 */
export async function seedDemo(db: Db, givenPassword: string | undefined): Promise<DemoSeedResult> {
  const password = givenPassword ?? `demo-${randomBytes(9).toString('base64url')}`;
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(partnerships).where(eq(partnerships.slug, DEMO_SLUG));
    if (existing) return { created: false, password: null, generated: false, logins: [] };
    const [p] = await tx
      .insert(partnerships)
      .values({ name: DEMO_PARTNERSHIP_NAME, slug: DEMO_SLUG })
      .returning();
    if (!p) throw new Error('insert returned nothing');
    await recordAudit(tx, {
      partnershipId: p.id,
      actorUserId: null,
      action: 'partnership.created',
      entityType: 'partnership',
      entityId: p.id,
      details: { via: 'demo seed' },
    });
    const agencyIds = new Map<string, string>();
    for (const [name, shortName, sector] of demoAgencies) {
      const [a] = await tx
        .insert(agencies)
        .values({ partnershipId: p.id, name, shortName, sector })
        .returning();
      if (!a) throw new Error('insert returned nothing');
      agencyIds.set(shortName, a.id);
      await recordAudit(tx, {
        partnershipId: p.id,
        actorUserId: null,
        action: 'agency.created',
        entityType: 'agency',
        entityId: a.id,
        details: { name, sector, via: 'demo seed' },
      });
    }
    for (const u of demoUsers) {
      const [user] = await tx
        .insert(users)
        .values({ email: u.email, name: u.name, passwordHash })
        .onConflictDoUpdate({ target: users.email, set: { name: u.name } })
        .returning();
      if (!user) throw new Error('insert returned nothing');
      await tx.insert(memberships).values({
        partnershipId: p.id,
        userId: user.id,
        role: u.role,
        jobTitle: u.jobTitle,
        agencyId: agencyIds.get(u.agency) ?? null,
      });
      await recordAudit(tx, {
        partnershipId: p.id,
        actorUserId: null,
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        details: { role: u.role, via: 'demo seed' },
      });
    }
    return {
      created: true,
      password,
      generated: !givenPassword,
      logins: demoUsers.map((u) => ({ email: u.email, role: u.role })),
    };
  });
}
