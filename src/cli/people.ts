import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { emailAddress, requiredText } from '#domain/shared/fields.ts';
import { passwordProblem } from '#domain/user/password-policy.ts';
import { partnershipRole } from '#domain/user/roles.ts';
import { recordAudit } from '#server/audit/audit.service.ts';
import { hashPassword } from '#server/auth/password.ts';
import { memberships, partnerships, users } from '#server/db/schema/index.ts';
import { withDatabase } from './commands.ts';

function parseOrExplain<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success)
    throw new Error(
      r.error.issues
        .map((i) => `--${i.path.join('.').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i.message}`)
        .join('; '),
    );
  return r.data;
}

export async function runCreatePartnership(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { name: { type: 'string' }, slug: { type: 'string' } } });
  const input = parseOrExplain(
    z.object({
      name: requiredText('the partnership name', 160),
      slug: z
        .string({ error: 'Enter a short name' })
        .regex(/^[a-z0-9-]{2,40}$/, { error: 'Use 2 to 40 lowercase letters, digits or hyphens' }),
    }),
    values,
  );
  return withDatabase(async ({ db }) => {
    await db.transaction(async (tx) => {
      const [p] = await tx.insert(partnerships).values(input).returning();
      if (!p) throw new Error('insert returned nothing');
      await recordAudit(tx, {
        partnershipId: p.id,
        actorUserId: null,
        action: 'partnership.created',
        entityType: 'partnership',
        entityId: p.id,
        details: { via: 'cli' },
      });
      console.log(`Created partnership ${p.name} (${p.slug}, ${p.id}).`);
    });
    return 0;
  });
}

export async function runCreateUser(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      partnership: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      'job-title': { type: 'string' },
    },
  });
  const input = parseOrExplain(
    z.object({
      partnership: z.string({ error: 'Enter the partnership slug' }),
      email: emailAddress,
      name: requiredText('a name', 120),
      role: partnershipRole,
    }),
    values,
  );
  const given = process.env.SIGHTLINES_NEW_USER_PASSWORD;
  const password = given ?? `${randomBytes(12).toString('base64url')}`;
  const problem = passwordProblem(password, { email: input.email, name: input.name });
  if (problem) throw new Error(`SIGHTLINES_NEW_USER_PASSWORD: ${problem}`);
  return withDatabase(async ({ db }) => {
    await db.transaction(async (tx) => {
      const [p] = await tx.select().from(partnerships).where(eq(partnerships.slug, input.partnership));
      if (!p) throw new Error(`--partnership: no partnership with the short name "${input.partnership}"`);
      const [existing] = await tx.select().from(users).where(eq(users.email, input.email));
      const [user] = existing
        ? [existing]
        : await tx
            .insert(users)
            .values({
              email: input.email,
              name: input.name,
              passwordHash: await hashPassword(password),
              mustChangePassword: !given,
            })
            .returning();
      if (!user) throw new Error('insert returned nothing');
      await tx.insert(memberships).values({
        partnershipId: p.id,
        userId: user.id,
        role: input.role,
        jobTitle: values['job-title'] ?? null,
      });
      await recordAudit(tx, {
        partnershipId: p.id,
        actorUserId: null,
        action: existing ? 'user.added_to_partnership' : 'user.created',
        entityType: 'user',
        entityId: user.id,
        details: { role: input.role, via: 'cli' },
      });
      console.log(
        existing
          ? `Added ${input.email} to ${p.name}; they sign in with their existing password.`
          : `Created ${input.email} in ${p.name}.`,
      );
      if (!existing && !given)
        console.log(`Temporary password (they must change it at first sign-in): ${password}`);
    });
    return 0;
  });
}
