import { and, asc, count, eq, ne } from 'drizzle-orm';
import { mayInPartnership } from '#domain/partnership/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { passwordProblem } from '#domain/user/password-policy.ts';
import { type PartnershipRole, partnershipRoles } from '#domain/user/roles.ts';
import { leavesNoAdmin } from '#domain/user/rules.ts';
import type { CreateUserInput, UpdateUserInput, UserDto } from '#domain/user/user.ts';
import { auditAction } from '../audit/audit.service.ts';
import { hashPassword } from '../auth/password.ts';
import type { Queryable } from '../db/client.ts';
import { agencies, memberships, sessions, users } from '../db/schema/index.ts';
import { sendAccountInvitation } from '../email/password-token.service.ts';
import type { MemberCtx } from '../http/context.ts';

const memberColumns = {
  user: users,
  membership: memberships,
  agencyName: agencies.name,
};
type MemberRow = {
  user: typeof users.$inferSelect;
  membership: typeof memberships.$inferSelect;
  agencyName: string | null;
};

function presentUser(ctx: MemberCtx, row: MemberRow): UserDto {
  const role = row.membership.role as PartnershipRole;
  return {
    id: row.user.id,
    name: row.user.name,
    email: row.user.email,
    jobTitle: row.membership.jobTitle,
    agencyId: row.membership.agencyId,
    agencyName: row.agencyName,
    role,
    roleLabel: partnershipRoles[role],
    active: row.membership.active,
    lastSignedInAt: row.user.lastSignedInAt?.toISOString() ?? null,
    version: row.membership.version,
    abilities: {
      update: mayInPartnership({ userId: ctx.principal.userId, role: ctx.membership.role }, 'manageUsers'),
    },
  };
}

function selectMembers(q: Queryable, partnershipId: string) {
  return q
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(agencies, eq(agencies.id, memberships.agencyId))
    .where(eq(memberships.partnershipId, partnershipId))
    .$dynamic();
}

async function getMember(q: Queryable, partnershipId: string, userId: string) {
  const [row] = await selectMembers(q, partnershipId).where(
    and(eq(memberships.partnershipId, partnershipId), eq(memberships.userId, userId)),
  );
  if (!row) throw AppError.notFound('person');
  return row;
}

async function assertAgencyInPartnership(
  q: Queryable,
  partnershipId: string,
  agencyId: string | null | undefined,
) {
  if (!agencyId) return;
  const [a] = await q
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.id, agencyId), eq(agencies.partnershipId, partnershipId)));
  if (!a) throw AppError.invalid([{ path: 'agencyId', message: 'Select an agency from this partnership' }]);
}

/** Lists the people in the partnership, by name. */
export async function listUsers(ctx: MemberCtx) {
  const rows = await selectMembers(ctx.tx, ctx.membership.partnershipId).orderBy(asc(users.name));
  return {
    users: rows.map((r) => presentUser(ctx, r)),
    abilities: {
      create: mayInPartnership({ userId: ctx.principal.userId, role: ctx.membership.role }, 'manageUsers'),
    },
  };
}

/**
 * Adds a person to the partnership. A new account gets the temporary password, to be changed at
 * first sign-in, and an email with a link to choose their own password instead; a person who
 * already has an account is added with their existing password.
 */
export async function createUser(ctx: MemberCtx, input: CreateUserInput) {
  const partnershipId = ctx.membership.partnershipId;
  await assertAgencyInPartnership(ctx.tx, partnershipId, input.agencyId);
  let [user] = await ctx.tx.select().from(users).where(eq(users.email, input.email));
  const existingAccount = Boolean(user);
  if (user) {
    const [already] = await ctx.tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.userId, user.id), eq(memberships.partnershipId, partnershipId)));
    if (already)
      throw AppError.invalid([{ path: 'email', message: 'This person is already in the partnership' }]);
  } else {
    const problem = passwordProblem(input.initialPassword, { email: input.email, name: input.name });
    if (problem) throw AppError.invalid([{ path: 'initialPassword', message: problem }]);
    [user] = await ctx.tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        passwordHash: await hashPassword(input.initialPassword),
        mustChangePassword: true,
      })
      .returning();
  }
  if (!user) throw new Error('insert returned nothing');
  await ctx.tx.insert(memberships).values({
    partnershipId,
    userId: user.id,
    role: input.role,
    agencyId: input.agencyId ?? null,
    jobTitle: input.jobTitle || null,
  });
  await auditAction(ctx, {
    action: existingAccount ? 'user.added_to_partnership' : 'user.created',
    entityType: 'user',
    entityId: user.id,
    details: { role: input.role, agencyId: input.agencyId ?? null },
  });
  if (!existingAccount) await sendAccountInvitation(ctx, user);
  return { user: presentUser(ctx, await getMember(ctx.tx, partnershipId, user.id)), existingAccount };
}

/** Changes a person's place in the partnership: role, agency, job title, whether they are active. */
export async function updateUser(ctx: MemberCtx, userId: string, input: UpdateUserInput): Promise<UserDto> {
  const partnershipId = ctx.membership.partnershipId;
  const current = await getMember(ctx.tx, partnershipId, userId);
  await ctx.tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(eq(memberships.id, current.membership.id))
    .for('update');
  if (current.membership.version !== input.version) {
    throw new AppError(
      'stale_version',
      'Someone else changed this person’s details while you were editing. Check the current details and try again.',
      {
        current: presentUser(ctx, current),
      },
    );
  }
  await assertAgencyInPartnership(ctx.tx, partnershipId, input.agencyId);
  const before = { role: current.membership.role as PartnershipRole, active: current.membership.active };
  const after = { role: input.role ?? before.role, active: input.active ?? before.active };
  const [admins] = await ctx.tx
    .select({ n: count() })
    .from(memberships)
    .where(
      and(
        eq(memberships.partnershipId, partnershipId),
        eq(memberships.role, 'partnership_admin'),
        eq(memberships.active, true),
      ),
    );
  if (leavesNoAdmin(admins?.n ?? 0, before, after)) {
    throw AppError.invalid([
      {
        path: input.role !== undefined ? 'role' : 'active',
        message: 'The partnership must keep at least one active partnership admin',
      },
    ]);
  }
  if (input.name !== undefined && input.name !== current.user.name) {
    const [elsewhere] = await ctx.tx
      .select({ n: count() })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), ne(memberships.partnershipId, partnershipId)));
    if ((elsewhere?.n ?? 0) > 0) {
      throw AppError.invalid([
        {
          path: 'name',
          message: 'This person also works with other partnerships, so only they can change their name',
        },
      ]);
    }
    await ctx.tx
      .update(users)
      .set({ name: input.name, updatedAt: ctx.now, version: current.user.version + 1 })
      .where(eq(users.id, userId));
  }
  const changes = {
    ...(input.role !== undefined ? { role: input.role } : {}),
    ...(input.agencyId !== undefined ? { agencyId: input.agencyId } : {}),
    ...(input.jobTitle !== undefined ? { jobTitle: input.jobTitle || null } : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
  };
  await ctx.tx
    .update(memberships)
    .set({ ...changes, version: current.membership.version + 1, updatedAt: ctx.now })
    .where(eq(memberships.id, current.membership.id));
  if (input.active === false) {
    // A person removed from their only partnership loses their open sessions at once.
    const [still] = await ctx.tx
      .select({ n: count() })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.active, true)));
    if ((still?.n ?? 0) === 0) await ctx.tx.delete(sessions).where(eq(sessions.userId, userId));
  }
  await auditAction(ctx, {
    action: 'user.updated',
    entityType: 'user',
    entityId: userId,
    details: {
      changed: [...Object.keys(changes), ...(input.name !== undefined ? ['name'] : [])],
      version: current.membership.version + 1,
    },
  });
  return presentUser(ctx, await getMember(ctx.tx, partnershipId, userId));
}
