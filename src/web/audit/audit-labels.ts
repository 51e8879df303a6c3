import { agencySectors } from '#domain/partnership/agency.ts';
import { partnershipRoles } from '#domain/user/roles.ts';

const entityTypeLabels: Record<string, string> = {
  session: 'Signing in and out',
  user: 'A person',
  agency: 'An agency',
  audit: 'The audit log',
  partnership: 'The partnership',
};

/** Words for the kind of record an audit event is about. */
export function entityTypeLabel(type: string): string {
  return entityTypeLabels[type] ?? humanise(type);
}

/** Values stored as codes, shown with the words users know. */
const valueLabels: Record<string, Record<string, string>> = { sector: agencySectors, role: partnershipRoles };

function humanise(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function describeValue(key: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return valueLabels[key]?.[value] ?? value;
  if (typeof value === 'number' || typeof value === 'boolean')
    return value === true ? 'yes' : value === false ? 'no' : String(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => (typeof item === 'string' ? humanise(item) : JSON.stringify(item)));
    return items.length > 0 ? items.join(', ') : null;
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => [k, describeValue(k, v)] as const)
    .filter(([, v]) => v !== null);
  if (entries.length === 0) return null;
  const text = entries.map(([k, v]) => `${humanise(k).toLowerCase()} ${v}`).join(', ');
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/** Identifiers mean nothing to a reader; the table already says who and what. */
function isIdentifier(key: string): boolean {
  return key === 'id' || /Id$/.test(key) || /_id$/.test(key);
}

/** An event's details as short "Label: value" lines. */
export function detailLines(details: Record<string, unknown>, max = 6): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(details)) {
    if (isIdentifier(key)) continue;
    const text = describeValue(key, value);
    if (text !== null) lines.push(`${humanise(key)}: ${text}`);
  }
  return lines.length > max ? [...lines.slice(0, max), `and ${lines.length - max} more`] : lines;
}
