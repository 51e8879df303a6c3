const entityTypeLabels: Record<string, string> = {
  session: 'Signing in and out',
  user: 'A person',
  agency: 'An agency',
  audit: 'The audit log',
  partnership: 'The partnership',
};

/** Words for the kind of record an audit event is about. */
export function entityTypeLabel(type: string): string {
  return entityTypeLabels[type] ?? type.replace(/[_-]/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

function humanise(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** An event's details as short "Label: value" lines. */
export function detailLines(details: Record<string, unknown>, max = 6): string[] {
  const lines = Object.entries(details).map(([key, value]) => `${humanise(key)}: ${describeValue(value)}`);
  return lines.length > max ? [...lines.slice(0, max), `and ${lines.length - max} more`] : lines;
}
