/**
 * The life of a conversation record. The reviewer writes it (draft) and shares it with the person;
 * they confirm it is accurate or ask for changes with a comment; the reviewer edits and shares it
 * again; once confirmed, the reviewer marks it agreed.
 *
 * Decision: content can be edited only in `draft` and `changes_requested`. A shared record is
 * never edited under the person's feet: a reviewer who needs to change it first takes it back
 * (`shared → draft`), edits, and shares it again. Confirmed and agreed records are fixed.
 */
export const conversationStatuses = ['draft', 'shared', 'changes_requested', 'confirmed', 'agreed'] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];

export const conversationStatusLabels: Record<ConversationStatus, string> = {
  draft: 'Draft',
  shared: 'Shared with the person',
  changes_requested: 'Changes asked for',
  confirmed: 'Confirmed by the person',
  agreed: 'Agreed',
};

/** Who is acting on the record: a reviewer recording conversations, or the person it is about. */
export type ConversationActor = 'reviewer' | 'participant';

type Transition = {
  from: ConversationStatus;
  to: ConversationStatus;
  by: ConversationActor;
  needsComment: boolean;
};

export const conversationTransitions: readonly Transition[] = [
  { from: 'draft', to: 'shared', by: 'reviewer', needsComment: false },
  { from: 'shared', to: 'draft', by: 'reviewer', needsComment: false },
  { from: 'shared', to: 'confirmed', by: 'participant', needsComment: false },
  { from: 'shared', to: 'changes_requested', by: 'participant', needsComment: true },
  { from: 'changes_requested', to: 'shared', by: 'reviewer', needsComment: false },
  { from: 'confirmed', to: 'agreed', by: 'reviewer', needsComment: false },
];

/** Whether the record's content and details may be changed in this status. */
export function mayEditConversation(status: ConversationStatus): boolean {
  return status === 'draft' || status === 'changes_requested';
}

/** Whether the person the record is about may see it in this status (not while it is being drafted). */
export function visibleToParticipant(status: ConversationStatus): boolean {
  return status !== 'draft';
}

/** The statuses these actors may move the record to from where it is. */
export function nextStatuses(
  from: ConversationStatus,
  actors: readonly ConversationActor[],
): ConversationStatus[] {
  return conversationTransitions.filter((t) => t.from === from && actors.includes(t.by)).map((t) => t.to);
}

export type TransitionCheck =
  | { ok: true }
  | { ok: false; reason: 'not_allowed' | 'wrong_actor' | 'comment_required'; message: string };

/** Checks one move of a conversation record by these actors, saying why it is refused. */
export function checkTransition(
  from: ConversationStatus,
  to: ConversationStatus,
  actors: readonly ConversationActor[],
  comment?: string | null,
): TransitionCheck {
  const candidates = conversationTransitions.filter((t) => t.from === from && t.to === to);
  const allowed = nextStatuses(from, actors);
  const list = allowed.map((s) => `“${conversationStatusLabels[s]}”`).join(' or ');
  const options = allowed.length ? ` From here you can move it to ${list}.` : '';
  if (candidates.length === 0)
    return {
      ok: false,
      reason: 'not_allowed',
      message: `A record that is “${conversationStatusLabels[from]}” cannot become “${conversationStatusLabels[to]}”.${options}`,
    };
  const mine = candidates.find((t) => actors.includes(t.by));
  if (!mine) {
    const who = candidates[0]!.by === 'participant' ? 'the person the record is about' : 'the reviewers';
    return {
      ok: false,
      reason: 'wrong_actor',
      message: `Only ${who} can make the record “${conversationStatusLabels[to]}”.${options}`,
    };
  }
  if (mine.needsComment && !comment?.trim())
    return { ok: false, reason: 'comment_required', message: 'Say what needs to change' };
  return { ok: true };
}
