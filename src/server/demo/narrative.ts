import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { chronologyEvents, chronologyKnowledge, chronologyPerspectives } from '../db/schema/index.ts';

type Agency = 'Community health' | 'GP' | 'Police' | 'CSC' | 'Education';

/** Fictional, repeating kinds of contact in the demo narrative, each with who usually hears of it and when. */
const patterns: {
  agency: Agency;
  role: string;
  every: number;
  texts: string[];
  tags: string[];
  sharedWith?: { agency: Agency; afterDays: number; how: string }[];
}[] = [
  {
    agency: 'Community health',
    role: 'Health visitor',
    every: 21,
    texts: [
      'Home visit. Child weighed: weight has dropped from the 25th to the 9th centile. Mother said feeding was going well.',
      'Home visit. Home cold and cluttered; mother tearful and said she was not sleeping. Advice given on safe sleep.',
      'Planned contact not made: no answer at the door. Card left.',
      'Clinic attendance. Weight stable. Mother said father had moved back in.',
    ],
    tags: ['neglect', 'parental mental health'],
    sharedWith: [{ agency: 'GP', afterDays: 14, how: 'Monthly GP and health visiting liaison meeting' }],
  },
  {
    agency: 'GP',
    role: 'GP',
    every: 45,
    texts: [
      'Mother seen: low mood, not sleeping. Antidepressant dose increased. Referral to talking therapies offered.',
      'Child seen with nappy rash and a cough. No concerns recorded about care.',
      'Mother did not attend a mental health review appointment.',
    ],
    tags: ['parental mental health'],
    sharedWith: [{ agency: 'Community health', afterDays: 10, how: 'Liaison meeting' }],
  },
  {
    agency: 'Police',
    role: 'Police constable',
    every: 60,
    texts: [
      'Attended a report of shouting at the address. Father had left before arrival. Child asleep upstairs. DASH risk assessment: standard.',
      'Neighbour reported the child crying for long periods. Officers attended; mother said the child was teething.',
    ],
    tags: ['domestic abuse'],
    sharedWith: [{ agency: 'CSC', afterDays: 3, how: 'Police notification to the front door' }],
  },
  {
    agency: 'CSC',
    role: 'Social worker',
    every: 75,
    texts: [
      'Contact received from police. Decision: no further action; advice and signposting to early help.',
      'Referral from health visiting about weight loss. Strategy discussion not held; single agency assessment started.',
      'Child and family assessment closed: parents engaging, no further concerns identified.',
    ],
    tags: ['neglect', 'threshold decisions'],
    sharedWith: [
      { agency: 'Community health', afterDays: 12, how: 'Outcome letter' },
      { agency: 'Police', afterDays: 20, how: 'Strategy meeting minutes' },
    ],
  },
  {
    agency: 'Education',
    role: 'Nursery manager',
    every: 30,
    texts: [
      'Child attended in the same clothes for the third day running and seemed hungry at snack time.',
      'Attendance this month 62%. Mother said the child had been unwell.',
      'Child arrived with a bruise on the cheek; mother said he fell against the sofa. Recorded on the safeguarding log.',
    ],
    tags: ['neglect'],
  },
];

const DAY_MS = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * Writes the demo review's multi-agency narrative: a few hundred fictional events from five
 * agencies over the scope period, with who knew each and when, and two events where agencies'
 * accounts differ.
 */
export async function seedDemoNarrative(
  tx: Tx,
  input: {
    partnershipId: string;
    reviewId: string;
    agencyIds: Map<string, string>;
    scopeFrom: string;
    scopeTo: string;
  },
) {
  const start = Date.parse(`${input.scopeFrom}T00:00:00Z`);
  const end = Date.parse(`${input.scopeTo}T00:00:00Z`);
  const events: (typeof chronologyEvents.$inferInsert)[] = [];
  const knowledge: (typeof chronologyKnowledge.$inferInsert)[] = [];
  const agencyId = (a: Agency) => input.agencyIds.get(a)!;
  patterns.forEach((p, pi) => {
    let n = 0;
    for (let t = start + pi * 3 * DAY_MS; t <= end; t += (p.every * DAY_MS) / 4) {
      const id = crypto.randomUUID();
      const occurredOn = iso(t);
      const text = p.texts[n % p.texts.length]!;
      n += 1;
      events.push({
        id,
        partnershipId: input.partnershipId,
        reviewId: input.reviewId,
        occurredOn,
        agencyId: agencyId(p.agency),
        practitionerRole: p.role,
        summary: text,
        significance:
          text.includes('bruise') || text.includes('centile') ? 'high' : n % 3 === 0 ? 'medium' : 'low',
        tags: p.tags,
      });
      knowledge.push({
        eventId: id,
        agencyId: agencyId(p.agency),
        partnershipId: input.partnershipId,
        learnedOn: occurredOn,
        how: 'Recorded it',
      });
      for (const s of p.sharedWith ?? []) {
        const learned = iso(t + s.afterDays * DAY_MS);
        if (learned <= input.scopeTo) {
          knowledge.push({
            eventId: id,
            agencyId: agencyId(s.agency),
            partnershipId: input.partnershipId,
            learnedOn: learned,
            how: s.how,
          });
        }
      }
    }
  });
  for (let i = 0; i < events.length; i += 500)
    await tx.insert(chronologyEvents).values(events.slice(i, i + 500));
  for (let i = 0; i < knowledge.length; i += 500)
    await tx.insert(chronologyKnowledge).values(knowledge.slice(i, i + 500));

  // Two events that agencies remember differently: the narrative keeps both accounts.
  const disputed = events
    .filter((e) => e.summary.includes('bruise'))
    .slice(0, 1)
    .concat(events.filter((e) => e.summary.includes('no further action')).slice(0, 1));
  for (const e of disputed) {
    await tx.update(chronologyEvents).set({ disputed: true }).where(eq(chronologyEvents.id, e.id!));
    await tx.insert(chronologyPerspectives).values(
      e.agencyId === agencyId('Education')
        ? {
            partnershipId: input.partnershipId,
            eventId: e.id!,
            agencyId: agencyId('CSC'),
            personRole: 'Social worker',
            account:
              'We were not told about the bruise at the time; the nursery’s log was shared with us only after the incident.',
          }
        : {
            partnershipId: input.partnershipId,
            eventId: e.id!,
            agencyId: agencyId('Police'),
            personRole: 'Police sergeant',
            account:
              'Police expected a strategy discussion because of the previous call-outs; the decision of no further action was not explained to us.',
          },
    );
  }
  return events.length;
}
