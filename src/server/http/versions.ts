import { AppError } from '#domain/shared/app-error.ts';

/**
 * Refuses a change based on an out-of-date version of a partnership's settings (a row that may not
 * exist yet: version 1), answering 409 with the settings as they are now. Returns the version the
 * change is based on.
 */
export async function assertSettingsVersion(
  given: number,
  stored: { version: number } | null | undefined,
  message: string,
  present: () => Promise<unknown>,
): Promise<number> {
  const current = stored?.version ?? 1;
  if (given !== current) throw new AppError('stale_version', message, { current: await present() });
  return current;
}
