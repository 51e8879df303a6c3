import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChangeConversationStatusInput,
  RecordConversationInput,
  UpdateConversationInput,
} from '#domain/conversation/conversation.ts';
import type { ConversationDto, ConversationList, ConversationVersionDto } from '#domain/conversation/dto.ts';
import { api } from '../api/client.ts';
import { refetchWhenStale, reviewPath } from '../review/api.ts';

export type { ConversationDto, ConversationList, ConversationVersionDto };

const listPath = (partnershipId: string, reviewId: string) =>
  `${reviewPath(partnershipId, reviewId)}/conversations`;
const onePath = (partnershipId: string, reviewId: string, id: string) =>
  `${listPath(partnershipId, reviewId)}/${encodeURIComponent(id)}`;

export const conversationKeys = {
  all: (partnershipId: string, reviewId: string) =>
    ['partnership', partnershipId, 'review', reviewId, 'conversations'] as const,
  one: (partnershipId: string, reviewId: string, id: string) =>
    ['partnership', partnershipId, 'review', reviewId, 'conversations', id] as const,
  versions: (partnershipId: string, reviewId: string, id: string) =>
    ['partnership', partnershipId, 'review', reviewId, 'conversations', id, 'versions'] as const,
};

/** The address of a conversations page in the web app (the list when no conversation is given). */
export const conversationPage = (partnershipId: string, reviewId: string, id?: string, section?: string) =>
  `/partnerships/${partnershipId}/reviews/${reviewId}/conversations${id ? `/${id}` : ''}${section ? `/${section}` : ''}`;

/** The conversations the person may see in a review. */
export function useConversations(partnershipId: string, reviewId: string) {
  return useQuery({
    queryKey: conversationKeys.all(partnershipId, reviewId),
    queryFn: () => api.get<ConversationList>(listPath(partnershipId, reviewId)),
    enabled: Boolean(partnershipId && reviewId),
  });
}

/** One conversation record (each reading is audited on the server). */
export function useConversation(partnershipId: string, reviewId: string, id: string) {
  return useQuery({
    queryKey: conversationKeys.one(partnershipId, reviewId, id),
    queryFn: () => api.get<ConversationDto>(onePath(partnershipId, reviewId, id)),
    enabled: Boolean(partnershipId && reviewId && id),
  });
}

/** The saved versions of a record, newest first (reviewers only). */
export function useConversationVersions(
  partnershipId: string,
  reviewId: string,
  id: string,
  enabled: boolean,
) {
  return useQuery({
    queryKey: conversationKeys.versions(partnershipId, reviewId, id),
    queryFn: () =>
      api.get<{ versions: ConversationVersionDto[] }>(`${onePath(partnershipId, reviewId, id)}/versions`),
    enabled: Boolean(enabled && partnershipId && reviewId && id),
  });
}

/** Records a conversation as a draft. */
export function useRecordConversation(partnershipId: string, reviewId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordConversationInput) =>
      api.post<ConversationDto>(listPath(partnershipId, reviewId), input),
    onSuccess: () => client.invalidateQueries({ queryKey: conversationKeys.all(partnershipId, reviewId) }),
  });
}

function useStore(partnershipId: string, reviewId: string, id: string) {
  const client = useQueryClient();
  return {
    client,
    store: (c: ConversationDto) => {
      client.setQueryData(conversationKeys.one(partnershipId, reviewId, id), c);
      void client.invalidateQueries({ queryKey: conversationKeys.versions(partnershipId, reviewId, id) });
      void client.invalidateQueries({ queryKey: conversationKeys.all(partnershipId, reviewId), exact: true });
    },
  };
}

/** Changes a record while it is a draft or changes have been asked for. */
export function useUpdateConversation(partnershipId: string, reviewId: string, id: string) {
  const { client, store } = useStore(partnershipId, reviewId, id);
  return useMutation({
    mutationFn: (input: UpdateConversationInput) =>
      api.patch<ConversationDto>(onePath(partnershipId, reviewId, id), input),
    onSuccess: store,
    onError: (error) => refetchWhenStale(client, error, conversationKeys.one(partnershipId, reviewId, id)),
  });
}

/** Moves a record on: shared, confirmed, changes asked for, agreed, or back to draft. */
export function useChangeConversationStatus(partnershipId: string, reviewId: string, id: string) {
  const { client, store } = useStore(partnershipId, reviewId, id);
  return useMutation({
    mutationFn: (input: ChangeConversationStatusInput) =>
      api.post<ConversationDto>(`${onePath(partnershipId, reviewId, id)}/status`, input),
    onSuccess: store,
    onError: (error) => refetchWhenStale(client, error, conversationKeys.one(partnershipId, reviewId, id)),
  });
}
