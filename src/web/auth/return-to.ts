/** Only addresses inside Sightlines are followed after signing in, never another site. */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/sign-in')) return '/';
  return value;
}

/** The sign-in address that brings the person back to `path` afterwards. */
export function signInPath(path: string): string {
  const target = safeReturnTo(path);
  return target === '/' ? '/sign-in' : `/sign-in?to=${encodeURIComponent(target)}`;
}
