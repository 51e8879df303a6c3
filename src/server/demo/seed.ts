import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { AgencySector } from '#domain/partnership/agency.ts';
import { type ReviewRole, reviewRoles } from '#domain/review/policy.ts';
import { type PartnershipRole, partnershipRoles } from '#domain/user/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { hashPassword } from '../auth/password.ts';
import type { Db, Queryable } from '../db/client.ts';
import { agencies, memberships, partnerships, users } from '../db/schema/index.ts';
import { seedDemoIntake } from '../intake/demo.ts';
import { seedDemoLibrary } from './library.ts';
import { seedDemoReview } from './review.ts';

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

export type DemoUser = {
  email: string;
  name: string;
  role: PartnershipRole;
  jobTitle: string;
  agency: string;
  /** The person's role in the demo review "Child A", if any. */
  reviewRole?: ReviewRole;
};

const person = (
  email: string,
  name: string,
  jobTitle: string,
  agency: string,
  role: PartnershipRole,
  reviewRole?: ReviewRole,
): DemoUser => ({
  email: `${email}@demo.sightlines.test`,
  name,
  role,
  jobTitle,
  agency,
  ...(reviewRole ? { reviewRole } : {}),
});

/** The demo people: one per partnership role, and one per role in the demo review (all fictional). */
export const demoUsers: DemoUser[] = [
  person('admin', 'Alex Morgan', 'Partnership systems administrator', 'CSC', 'partnership_admin'),
  person(
    'manager',
    'Sam Okafor',
    'Safeguarding partnership business manager',
    'CSC',
    'business_manager',
    'business_manager',
  ),
  person('member', 'Priya Shah', 'Named nurse for safeguarding', 'Community health', 'member'),
  person(
    'lead',
    'Dr Helen Mercer',
    'Independent lead reviewer',
    'Family Lifeline',
    'member',
    'lead_reviewer',
  ),
  person('lead2', 'Tom Adeyemi', 'Independent lead reviewer', 'Family Lifeline', 'member', 'lead_reviewer'),
  person(
    'trainee',
    'Grace Lindqvist',
    'Trainee lead reviewer',
    'Family Lifeline',
    'member',
    'trainee_reviewer',
  ),
  person(
    'trainee2',
    'Oliver Byrne',
    'Trainee lead reviewer',
    'Family Lifeline',
    'member',
    'trainee_reviewer',
  ),
  person('supervisor', 'Martin Osei', 'Lead reviewer supervisor', 'Family Lifeline', 'member', 'supervisor'),
  person('reviewteam', 'Claire Dunmore', 'Head of safeguarding', 'Police', 'member', 'review_team_member'),
  person('casegroup', 'Jordan Blake', 'Social worker', 'CSC', 'member', 'case_group_member'),
  person('family', 'Pat Fielding', 'Family member', 'Family Lifeline', 'member', 'family_member'),
  person('chair', 'Rt Revd Anne Castle', 'Independent chair of the partnership', 'CSC', 'member', 'chair'),
  person('board', 'Vikram Rao', 'Director of nursing, ICB', 'Acute', 'member', 'board_member'),
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
export async function seedDemo(
  db: Db,
  givenPassword: string | undefined,
  dataDir: string | null = null,
): Promise<DemoSeedResult> {
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
    const reviewPeople = [];
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
      if (u.reviewRole) {
        const agencyId = agencyIds.get(u.agency) ?? null;
        reviewPeople.push({
          userId: user.id,
          name: u.name,
          email: u.email,
          jobTitle: u.jobTitle,
          agencyId,
          reviewRole: u.reviewRole,
        });
      }
    }
    const today = new Date();
    await seedDemoReview(tx, {
      partnershipId: p.id,
      agencyIds,
      people: reviewPeople,
      passwordHash,
      today,
      dataDir,
    });
    await seedDemoLibrary(tx, { partnershipId: p.id, agencyIds, today });
    const intakeAgencies = ['CSC', 'Police', 'Community health'].map((key) => agencyIds.get(key)!);
    await seedDemoIntake(tx, p.id, intakeAgencies, today);
    return {
      created: true,
      password,
      generated: !givenPassword,
      logins: demoUsers.map((u) => ({
        email: u.email,
        role:
          u.reviewRole && u.reviewRole !== 'business_manager'
            ? `${reviewRoles[u.reviewRole].toLowerCase()} (Child A)`
            : partnershipRoles[u.role].toLowerCase(),
      })),
    };
  });
}
