const DAY_MS = 86_400_000;
const utcDay = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

/** A target date as the dashboard shows it: days left from today, overdue once passed. */
export function deadlineStatus(label: string, date: string, now: Date) {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const daysLeft = Math.round((utcDay(date) - today) / DAY_MS);
  return { label, date, overdue: daysLeft < 0, daysLeft };
}

/** The most pressing of several open deadlines: the earliest. */
export function mostPressing<T extends { date: string }>(deadlines: readonly T[]): T | null {
  return [...deadlines].sort((a, b) => a.date.localeCompare(b.date))[0] ?? null;
}
