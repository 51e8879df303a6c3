import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserInput, UpdateUserInput, UserDto, UserList } from '#domain/user/user.ts';
import { api } from './client.ts';
import { partnershipKeys, partnershipPath } from './partnership.ts';

export type { UserDto };
export type CreateUserResult = { user: UserDto; existingAccount: boolean };

export const userKeys = {
  users: (partnershipId: string) => ['partnership', partnershipId, 'users'] as const,
};

/** The people in the partnership, and whether the person may add someone. */
export function useUsers(partnershipId: string, enabled = true) {
  return useQuery({
    queryKey: userKeys.users(partnershipId),
    queryFn: () => api.get<UserList>(`${partnershipPath(partnershipId)}/users`),
    enabled,
  });
}

/** Adds a person to the partnership, creating their account if they do not have one. */
export function useAddUser(partnershipId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) =>
      api.post<CreateUserResult>(`${partnershipPath(partnershipId)}/users`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: partnershipKeys.partnership(partnershipId) }),
  });
}

/** Changes a person's details or role in the partnership, based on the version being looked at. */
export function useChangeUser(partnershipId: string, userId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateUserInput) =>
      api.patch<UserDto>(`${partnershipPath(partnershipId)}/users/${encodeURIComponent(userId)}`, input),
    onSettled: () => client.invalidateQueries({ queryKey: partnershipKeys.partnership(partnershipId) }),
  });
}
