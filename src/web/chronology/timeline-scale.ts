/** Days since 1 January 1970 for a `YYYY-MM-DD` date: the timeline's unit. */
export const dayNumber = (iso: string) =>
  Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000);

/** The `YYYY-MM-DD` date of a day number. */
export const isoOf = (day: number) => new Date(Math.round(day) * 86_400_000).toISOString().slice(0, 10);

export type View = { start: number; end: number };

/** A view that shows every date given, with a little room either side. */
export function fitView(days: number[]): View {
  if (days.length === 0) {
    const today = Math.floor(Date.now() / 86_400_000);
    return { start: today - 30, end: today + 30 };
  }
  const min = Math.min(...days);
  const max = Math.max(...days);
  const pad = Math.max(7, Math.round((max - min) * 0.04));
  return { start: min - pad, end: max + pad };
}

/** Zooms around the middle: a factor under 1 zooms in. Never narrower than a week nor wider than 60 years. */
export function zoomView(view: View, factor: number, around = (view.start + view.end) / 2): View {
  const span = Math.min(60 * 366, Math.max(7, (view.end - view.start) * factor));
  const share = (around - view.start) / (view.end - view.start);
  const start = around - span * share;
  return { start, end: start + span };
}

/** Moves the view later (positive) or earlier (negative) by a number of days. */
export const panView = (view: View, days: number): View => ({
  start: view.start + days,
  end: view.end + days,
});

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Tick marks for the axis: years, months or days, about `target` of them. */
export function ticks(view: View, target = 8): { day: number; label: string }[] {
  const span = view.end - view.start;
  const out: { day: number; label: string }[] = [];
  const startDate = new Date(view.start * 86_400_000);
  if (span > 4 * 365) {
    const step = Math.max(1, Math.ceil(span / 365 / target));
    for (let y = startDate.getUTCFullYear(); ; y += step) {
      const day = Date.UTC(y, 0, 1) / 86_400_000;
      if (day > view.end) break;
      if (day >= view.start) out.push({ day, label: String(y) });
    }
  } else if (span > 60) {
    const step = Math.max(1, Math.ceil(span / 30.4 / target));
    for (let m = startDate.getUTCMonth(), y = startDate.getUTCFullYear(); ; m += step) {
      const day = Date.UTC(y, m, 1) / 86_400_000;
      if (day > view.end) break;
      const d = new Date(day * 86_400_000);
      if (day >= view.start) out.push({ day, label: `${monthNames[d.getUTCMonth()]} ${d.getUTCFullYear()}` });
    }
  } else {
    const step = Math.max(1, Math.ceil(span / target));
    for (let day = Math.ceil(view.start); day <= view.end; day += step) {
      const d = new Date(day * 86_400_000);
      out.push({ day, label: `${d.getUTCDate()} ${monthNames[d.getUTCMonth()]}` });
    }
  }
  return out;
}
