import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  LetterKind,
  LetterOptions,
  LetterTemplateDto,
  LetterTemplateList,
  UpdateLetterTemplateInput,
} from '#domain/letter/letter.ts';
import { ApiError, apiRequest, serviceProblemMessage } from '../api/client.ts';
import { partnershipPath } from '../api/partnership.ts';

export type { LetterKind, LetterOptions, LetterTemplateDto, LetterTemplateList };

export const letterKeys = {
  templates: (partnershipId: string) => ['partnership', partnershipId, 'letter-templates'] as const,
  options: (partnershipId: string, reviewId: string) =>
    ['partnership', partnershipId, 'review', reviewId, 'letters'] as const,
};

const lettersPath = (partnershipId: string, reviewId: string) =>
  `${partnershipPath(partnershipId)}/reviews/${encodeURIComponent(reviewId)}/letters`;

/** The letters that can be written for a review, and who each can go to. */
export function useLetterOptions(partnershipId: string, reviewId: string) {
  return useQuery({
    queryKey: letterKeys.options(partnershipId, reviewId),
    queryFn: () => apiRequest<LetterOptions>('GET', lettersPath(partnershipId, reviewId)),
    enabled: Boolean(partnershipId && reviewId),
  });
}

/** The partnership's letter templates and the placeholders they may use. */
export function useLetterTemplates(partnershipId: string) {
  return useQuery({
    queryKey: letterKeys.templates(partnershipId),
    queryFn: () =>
      apiRequest<LetterTemplateList>('GET', `${partnershipPath(partnershipId)}/letter-templates`),
    enabled: Boolean(partnershipId),
  });
}

/** Saves the partnership's wording of a letter. */
export function useSaveLetterTemplate(partnershipId: string, kind: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateLetterTemplateInput) =>
      apiRequest<LetterTemplateDto>(
        'PUT',
        `${partnershipPath(partnershipId)}/letter-templates/${encodeURIComponent(kind)}`,
        input,
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: letterKeys.templates(partnershipId) }),
  });
}

/** The file name the server gave an attachment, or a fallback. */
function attachmentName(response: Response, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '');
  return match?.[1] ?? fallback;
}

/**
 * Generates a letter and hands it to the browser as a download. Fetching it (rather than
 * following a link) lets the page show the server's reasons when a letter cannot be written.
 */
export async function downloadLetter(
  partnershipId: string,
  reviewId: string,
  kind: LetterKind,
  participantId: string | null,
): Promise<string> {
  const query = participantId ? `?participantId=${encodeURIComponent(participantId)}` : '';
  let response: Response;
  try {
    response = await fetch(`${lettersPath(partnershipId, reviewId)}/${kind}${query}`, {
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', serviceProblemMessage);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code: ApiError['code']; message: string; details?: { fields?: ApiError['fields'] } };
    } | null;
    const error = body?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'internal',
      error?.message ?? serviceProblemMessage,
      error?.details,
    );
  }
  const name = attachmentName(response, `${kind}-letter.docx`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
