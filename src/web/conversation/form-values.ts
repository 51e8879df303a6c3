import type { ConversationContent, LocalRationality } from '#domain/conversation/conversation.ts';
import type { ConversationDto } from '#domain/conversation/dto.ts';
import { factorTaxonomyVersion } from '#domain/conversation/factors.ts';
import { ApiError } from '../api/client.ts';
import { type DateParts, emptyDate, parseDateParts, partsFromIso } from '../review/dates.ts';

export type RationalityValues = LocalRationality;
export type TurningPointValues = {
  key: number;
  title: string;
  when: string;
  description: string;
  rationality: RationalityValues;
};
export type FactorValues = { key: number; group: string; factorType: string; description: string };
export type QueryValues = { key: number; query: string; response: string };
export type FollowUpValues = { key: number; question: string; answered: boolean; answer: string };

/** The conversation form as typed: lists keep a key so React follows items as they move. */
export type ConversationValues = {
  participantId: string;
  heldOn: DateParts;
  conductedBy: string[];
  consentGiven: '' | 'yes' | 'no';
  audioRecorded: '' | 'yes' | 'no';
  roleAndInvolvement: string;
  turningPoints: TurningPointValues[];
  overall: RationalityValues;
  factors: FactorValues[];
  wentWell: string;
  queries: QueryValues[];
  suggestedChanges: string;
  followUps: FollowUpValues[];
};

let nextKey = 1;
/** A new key for a list item. */
export const newKey = () => nextKey++;

export const emptyRationality: RationalityValues = {
  whatWasHappening: '',
  whatCaughtAttention: '',
  competingConcerns: '',
  hopedToAchieve: '',
  optionsSeen: '',
};

export const emptyConversation: ConversationValues = {
  participantId: '',
  heldOn: emptyDate,
  conductedBy: [],
  consentGiven: '',
  audioRecorded: '',
  roleAndInvolvement: '',
  turningPoints: [],
  overall: emptyRationality,
  factors: [],
  wentWell: '',
  queries: [],
  suggestedChanges: '',
  followUps: [],
};

/** The form filled from a saved record, factors in order of rank. */
export function conversationValues(c: ConversationDto): ConversationValues {
  const content = c.content;
  return {
    participantId: c.participant.id,
    heldOn: partsFromIso(c.heldOn),
    conductedBy: c.conductedBy.map((p) => p.id),
    consentGiven: c.consentGiven ? 'yes' : 'no',
    audioRecorded: c.audioRecorded ? 'yes' : 'no',
    roleAndInvolvement: content.roleAndInvolvement,
    turningPoints: content.turningPoints.map((t) => ({
      key: newKey(),
      title: t.title,
      when: t.when,
      description: t.description,
      rationality: { ...emptyRationality, ...t.localRationality },
    })),
    overall: { ...emptyRationality, ...content.localRationality },
    factors: [...content.contributoryFactors]
      .sort((a, b) => a.rank - b.rank)
      .map((f) => ({
        key: newKey(),
        group: f.group,
        factorType: f.factorType ?? '',
        description: f.description,
      })),
    wentWell: content.wentWell,
    queries: content.overviewQueries.map((q) => ({ key: newKey(), ...q })),
    suggestedChanges: content.suggestedChanges,
    followUps: c.followUpQuestions.map((q) => ({ key: newKey(), ...q })),
  };
}

const hasAny = (r: RationalityValues) => Object.values(r).some((v) => v.trim() !== '');

/** The record's content as the API takes it; factors are ranked by their order on the page. */
export function contentInput(v: ConversationValues): ConversationContent {
  return {
    factorTaxonomyVersion,
    roleAndInvolvement: v.roleAndInvolvement,
    turningPoints: v.turningPoints.map((t) => ({
      title: t.title,
      when: t.when,
      description: t.description,
      ...(hasAny(t.rationality) ? { localRationality: t.rationality } : {}),
    })),
    ...(hasAny(v.overall) ? { localRationality: v.overall } : {}),
    contributoryFactors: v.factors.map((f, i) => ({
      group: f.group as ConversationContent['contributoryFactors'][number]['group'],
      ...(f.factorType ? { factorType: f.factorType } : {}),
      description: f.description,
      rank: i + 1,
    })),
    wentWell: v.wentWell,
    overviewQueries: v.queries.map(({ query, response }) => ({ query, response })),
    suggestedChanges: v.suggestedChanges,
  };
}

export const followUpsInput = (v: ConversationValues) =>
  v.followUps.map(({ question, answered, answer }) => ({ question, answered, answer }));

/** Problems to show before sending, by field id, and the held-on date as `YYYY-MM-DD` or null. */
export function checkConversation(v: ConversationValues, choosingParticipant: boolean) {
  const date = parseDateParts(v.heldOn, 'the date the conversation was held');
  const errors: Record<string, string> = {
    participantId: choosingParticipant && !v.participantId ? 'Select who the conversation was with' : '',
    heldOn: date.ok ? '' : date.message,
    consentGiven: v.consentGiven ? '' : 'Select whether they gave consent',
    audioRecorded:
      v.audioRecorded === 'yes' && v.consentGiven === 'no'
        ? 'A conversation can only be recorded with the person’s consent'
        : '',
  };
  v.factors.forEach((f, i) => {
    if (!f.group)
      errors[`content.contributoryFactors.${i}.group`] = 'Select the group this factor belongs to';
  });
  return { errors, heldOn: date.ok ? date.iso : null };
}

/** The field ids on the page, in order, so problems link to them. */
export function conversationFieldIds(v: ConversationValues): string[] {
  const c = 'content';
  return [
    'participantId',
    'heldOn',
    'conductedBy',
    'consentGiven',
    'audioRecorded',
    `${c}.roleAndInvolvement`,
    ...v.turningPoints.flatMap((_, i) => [
      `${c}.turningPoints.${i}.title`,
      `${c}.turningPoints.${i}.description`,
    ]),
    ...v.factors.flatMap((_, i) => [
      `${c}.contributoryFactors.${i}.group`,
      `${c}.contributoryFactors.${i}.factorType`,
      `${c}.contributoryFactors.${i}.description`,
    ]),
    `${c}.wentWell`,
    ...v.queries.map((_, i) => `${c}.overviewQueries.${i}.query`),
    `${c}.suggestedChanges`,
    ...v.followUps.flatMap((_, i) => [`followUpQuestions.${i}.question`, `followUpQuestions.${i}.answer`]),
  ];
}

/** A server error with "conductedBy.2" named as the checkboxes it belongs to. */
export function withFieldsNamed(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const fields = error.fields.map((f) => ({
    ...f,
    path: f.path.replace(/^conductedBy\.\d+$/, 'conductedBy'),
  }));
  return new ApiError(error.status, error.code, error.message, { fields });
}
