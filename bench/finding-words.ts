// The words of synthetic findings: underlying patterns by theme, so that a national library of
// 60,000 findings reads like many reviews about many things, not one sentence repeated.
import type { LibraryTheme } from '#domain/library/library.ts';
import type { Random } from './words.ts';

const byTheme: Record<LibraryTheme, string[]> = {
  neglect: [
    'Neglect is judged incident by incident rather than by its cumulative effect on the child',
    'Thresholds for neglect are applied differently by health visiting and early help teams',
    'Home conditions are described in case notes but rarely measured against the graded care profile',
  ],
  domestic_abuse: [
    'Domestic abuse notifications reach schools too late to support the child the next morning',
    'Risk assessments for domestic abuse focus on the adult victim and overlook the children',
    'Perpetrators of domestic abuse are seldom engaged once they leave the household',
  ],
  parental_mental_health: [
    'Adult mental health services do not consider the parenting role of the adults they treat',
    'Discharge letters from psychiatric wards are not shared with the health visitor',
    'Low mood after birth is screened for but the follow-up depends on which midwife attends',
  ],
  substance_misuse: [
    'Drug and alcohol services record children in the household as a tick box without further enquiry',
    'Positive toxicology results in pregnancy do not always prompt a pre-birth assessment',
    'Relapse plans for parents in treatment are not shared with children’s social care',
  ],
  non_accidental_injury: [
    'Bruising in non-mobile babies is not always referred under the protocol',
    'Explanations for injuries are accepted without checking them against the child’s development',
    'Fractures found in the emergency department are not linked to earlier attendances at the GP',
  ],
  safer_sleep: [
    'Safer sleep advice is given at birth but not revisited when circumstances change',
    'Co-sleeping with adults who have used alcohol or drugs is not discussed at home visits',
    'Sudden unexpected infant deaths show repeated gaps in advice to fathers about safe sleeping',
  ],
  sexual_abuse: [
    'Children’s disclosures of sexual abuse are not recorded in their own words',
    'Harmful sexual behaviour between siblings is treated as a parenting issue',
    'Medical examinations after allegations of sexual abuse are delayed by disputes over funding',
  ],
  exploitation: [
    'Adolescents who go missing are treated as choosing to leave rather than as exploited',
    'Criminal exploitation through county lines is not recognised when a child is arrested out of area',
    'Transitions to adult services leave exploited young people without a trusted worker',
  ],
  child_mental_health: [
    'Self-harm presentations at the emergency department do not trigger a safeguarding conversation',
    'Waiting lists for child and adolescent mental health services leave schools holding the risk',
    'Eating disorders in teenagers are seen as a health matter rather than a safeguarding one',
  ],
  disabled_children: [
    'Disabled children’s needs are seen through their impairment rather than their safety',
    'Communication aids are not used when disabled children are asked about their wishes',
    'Short breaks services do not share concerns about injuries with the allocated social worker',
  ],
  men_in_families: [
    'Information about men in the household is not routinely sought or shared between agencies',
    'Fathers are not invited to core group meetings even when they have parental responsibility',
    'New partners moving into the home are not checked against police records',
  ],
  voice_of_the_child: [
    'The voice of the child is recorded as a quotation but does not shape the plan',
    'Children are seen with their parents present, so their own account is never heard',
    'Young children’s behaviour at nursery is not treated as communication about life at home',
  ],
  information_sharing: [
    'Health and education records are not linked, so patterns of missed appointments go unseen',
    'Housing moves across local authority borders interrupt the flow of safeguarding information',
    'Strategy discussions rarely include the school or the nursery who see the child most days',
  ],
  professional_curiosity: [
    'Professional optimism leads practitioners to accept parents’ accounts without checking them',
    'Supervision focuses on case throughput rather than on reflecting on the child’s lived experience',
    'Escalation procedures are seldom used when agencies disagree about the level of risk',
  ],
};
const themes = Object.keys(byTheme) as LibraryTheme[];

const consequences = [
  'so risks to babies under one are harder to see',
  'so the full picture of harm is held by no single agency',
  'which makes good multi-agency practice less likely in every case, not only this one',
  'so concerns are lost when families move between areas',
  'which means that help arrives only at a point of crisis',
  'so decisions rest on the account of the most persuasive adult',
  'which leaves frontline staff to manage risk without support',
  'so the plan describes services offered rather than change for the child',
];
const showed = [
  'In this case the health visitor saw the baby several times but never met the mother’s partner.',
  'The school knew about repeated hunger but this was not shared at the conference.',
  'Three referrals over eighteen months were each closed without a home visit.',
  'The attendance at hospital was not linked to earlier bruising seen by the GP.',
  'Police reports reached the school a week after each incident.',
  'Supervision records show the case was discussed but the plan was not changed.',
  'The family moved twice in a year and records followed months later.',
  'The young person told a youth worker but the disclosure was not passed on.',
  'Appointments at the clinic were missed repeatedly and the letters went unanswered.',
  'The allocated worker changed four times during the scope period.',
];
const matters = [
  'Young children depend entirely on adults noticing what they cannot say.',
  'Without a shared picture, each agency judges the risk as low.',
  'Practitioners need the system to make it easy to ask about every adult in the household.',
  'The board needs assurance that escalation is used and that it works.',
  'When help is only offered at crisis point, families experience services as punitive.',
  'National reviews show the same pattern recurring across many areas.',
  'Staff turnover makes it more likely that history is lost.',
  'A child’s daily experience can only be understood by looking across agencies over time.',
];

/** A finding: its main theme, statement, how it showed in the case, and why it matters. */
export function findingText(r: Random) {
  const theme = r.pick(themes);
  return {
    theme,
    statement: `${r.pick(byTheme[theme])}, ${r.pick(consequences)}.`,
    howItShowed: `${r.pick(showed)} ${r.pick(showed)}`,
    whyItMatters: `${r.pick(matters)} ${r.pick(matters)}`,
  };
}
