// Seeded randomness and plausible safeguarding prose for the synthetic data: the same seed gives
// the same partnerships, reviews, events and findings every run, and the words vary enough for
// full-text search to have real work to do.

/** A small, fast, seeded pseudo-random generator (mulberry32). */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** A version 4 UUID drawn from the generator, so ids are the same every run. */
  uuid(): string {
    const word = () =>
      Math.floor(this.next() * 4_294_967_296)
        .toString(16)
        .padStart(8, '0');
    const h = word() + word() + word() + word();
    const variant = (8 + (Number.parseInt(h[16]!, 16) & 3)).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
  /** A few distinct items. */
  some<T>(items: readonly T[], min: number, max: number): T[] {
    const n = Math.min(items.length, this.int(min, max));
    const out = new Set<T>();
    while (out.size < n) out.add(this.pick(items));
    return [...out];
  }
}

export const practitionerRoles = [
  'Health visitor',
  'Social worker',
  'Team manager',
  'GP',
  'School nurse',
  'Designated safeguarding lead',
  'Police constable',
  'Detective sergeant',
  'Midwife',
  'Paediatrician',
  'Housing officer',
  'Probation officer',
  'Family support worker',
  'Mental health nurse',
  'Emergency department nurse',
  'Class teacher',
] as const;

const subjects = [
  'The health visitor',
  'The social worker',
  'The GP',
  'The school nurse',
  'A police officer',
  'The midwife',
  'The class teacher',
  'The housing officer',
  'The family support worker',
  'The paediatrician',
  'The duty manager',
  'The probation officer',
];
const actions = [
  'visited the family home and saw the baby asleep in a moses basket',
  'recorded that the mother seemed tired and low in mood',
  'noted bruising to the child’s left forearm and asked how it happened',
  'made a referral to children’s social care about neglect of the home',
  'held a strategy discussion with police and health about the injury',
  'telephoned the school to check attendance over the last month',
  'shared concerns about domestic abuse at a multi-agency meeting',
  'completed a home visit and found the kitchen without food',
  'discussed the family in supervision and agreed to close the case',
  'was told by a neighbour that shouting was heard late at night',
  'saw the child at clinic for a routine weight check and immunisations',
  'received a notification from the emergency department after an attendance',
  'tried to visit but nobody answered the door',
  'spoke with the child alone about life at home and school',
  'noted that the mother’s partner had moved back into the household',
  'arranged a child in need meeting with the family and the school',
  'recorded missed appointments for speech and language therapy',
  'wrote to the GP about the father’s alcohol use and mental health',
  'attended a core group meeting where the plan was reviewed',
  'completed an early help assessment with the family',
];
const details = [
  'The record does not say whether the father was present.',
  'No other agency was told at the time.',
  'The information was not added to the chronology held by children’s social care.',
  'The family said they were managing and did not want further help.',
  'A follow-up visit was booked for two weeks later.',
  'The manager agreed the plan in supervision the same day.',
  'The child appeared well cared for and was smiling.',
  'The referral was screened and no further action was recorded.',
  'The school reported that the child had arrived hungry on several mornings.',
  'The mother said her partner no longer lived at the address.',
  'The case notes mention earlier concerns from the previous local authority.',
  'The nursery was not invited to the meeting.',
];

/** What happened, as an agency's chronology would put it: one to three sentences. */
export function eventSummary(r: Random): string {
  const first = `${r.pick(subjects)} ${r.pick(actions)}.`;
  const extra = r.int(0, 2);
  let out = first;
  for (let i = 0; i < extra; i++) out += ` ${r.pick(details)}`;
  return out;
}

/** Words people type into the library search, in web search syntax. */
export const searchTerms = [
  'domestic abuse',
  'neglect',
  'supervision',
  'escalation',
  '"voice of the child"',
  'men in the household',
  'missed appointments',
  'school nursery',
  'mental health parenting',
  'housing moves',
  'professional optimism',
  'referral form',
  'strategy discussion',
  'cumulative harm -crisis',
  'caseloads visits',
  'disabled children',
] as const;

const areas = [
  'North',
  'South',
  'East',
  'West',
  'Upper',
  'Lower',
  'Greater',
  'Mid',
  'Old',
  'New',
  'Great',
  'Little',
];
const towns = [
  'Ashford',
  'Brookfield',
  'Castleton',
  'Deanbridge',
  'Elmsworth',
  'Fairhaven',
  'Glenmoor',
  'Hartley',
  'Ivybridge',
  'Kingsmere',
  'Longdale',
  'Marshfield',
  'Norbury',
  'Oakridge',
];

/** The name of the nth partnership: unique, and the same every run. */
export function partnershipName(n: number): string {
  const area = areas[n % areas.length]!;
  const town = towns[Math.floor(n / areas.length) % towns.length]!;
  const suffix =
    n >= areas.length * towns.length ? ` ${Math.floor(n / (areas.length * towns.length)) + 1}` : '';
  return `${area} ${town}${suffix} Safeguarding Children Partnership`;
}
