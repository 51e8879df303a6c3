import type { FieldError } from '#domain/shared/app-error.ts';
import { ApiError, serviceProblemMessage } from '../api/client.ts';
import type { ImportPreviewDto } from './api.ts';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type the server expects for an agency's chronology file, from its name. */
export function importContentType(file: File): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.xlsx')) return xlsxType;
  return null;
}

/**
 * Sends an agency's chronology file to be checked, reporting the share sent so far (0 to 1), and
 * resolves with the preview. Uses XMLHttpRequest because fetch cannot report upload progress.
 */
export function uploadImport(
  url: string,
  file: File,
  csrfToken: string | null,
  onProgress: (share: number) => void,
): Promise<ImportPreviewDto> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', importContentType(file) ?? 'application/octet-stream');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', serviceProblemMessage));
    xhr.onload = () => {
      let payload: unknown = null;
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: dealt with below
      }
      if (xhr.status >= 200 && xhr.status < 300 && payload) {
        onProgress(1);
        resolve(payload as ImportPreviewDto);
        return;
      }
      reject(toError(xhr.status, payload));
    };
    xhr.send(file);
  });
}

function toError(status: number, payload: unknown): ApiError {
  const error = (payload as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  if (error?.code && error.message) {
    return new ApiError(
      status,
      error.code as ApiError['code'],
      error.message,
      error.details as { fields?: FieldError[] } | undefined,
    );
  }
  return new ApiError(status, status === 401 ? 'unauthenticated' : 'internal', serviceProblemMessage);
}
