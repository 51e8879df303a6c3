import type { ConversationContent, LocalRationality } from './conversation.ts';
import { byRank } from './conversation.ts';
import { factorGroups } from './factors.ts';

const rationalityText = (r: LocalRationality | undefined) =>
  r ? [r.whatWasHappening, r.whatCaughtAttention, r.competingConcerns, r.hopedToAchieve, r.optionsSeen] : [];

/** The plain text of a conversation record, in reading order, that feeds its full-text search. */
export function searchText(
  content: ConversationContent,
  followUpQuestions: readonly { question: string; answer: string }[] = [],
): string {
  const parts: string[] = [
    content.roleAndInvolvement,
    ...content.turningPoints.flatMap((t) => [
      t.title,
      t.when,
      t.description,
      ...rationalityText(t.localRationality),
    ]),
    ...rationalityText(content.localRationality),
    ...byRank(content.contributoryFactors).flatMap((f) => [
      factorGroups[f.group].label,
      f.factorType ?? '',
      f.description,
    ]),
    content.wentWell,
    ...content.overviewQueries.flatMap((q) => [q.query, q.response]),
    content.suggestedChanges,
    ...followUpQuestions.flatMap((q) => [q.question, q.answer]),
  ];
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .join('\n');
}
