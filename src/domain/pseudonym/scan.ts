import {
  afterTitle,
  type CompiledRegister,
  compileRegister,
  findDates,
  findRegisterMatches,
  foldWord,
  isCommonWord,
  isTitleToken,
  type Token,
  tokenize,
  upperLetters,
} from './pseudonymise.ts';
import type { RegisterEntry } from './register.ts';

/*
 * The residual-identifier scan: what in a text could still identify someone. Run on a draft after
 * pseudonymising, it should find nothing; anything it finds is shown to the author before publication.
 *
 * - register: any form of a register entry, exactly as the pseudonymiser would replace it (same
 *   matcher, see pseudonymise.ts), so a register form that survives is always reported;
 * - postcode: full UK postcodes (every outward/inward shape, GIR 0AA), in capitals or lower case;
 * - phone: UK numbers beginning 01, 02, 03 or 07, written with spaces, hyphens or dots, with +44 or
 *   0044 and an optional (0); not when part of a longer run of digits (a case reference);
 * - email: email addresses;
 * - nhs_number: ten digits, grouped 3-3-4 or not, whose modulus 11 check digit is valid (a ten-digit
 *   reference that fails the check is not reported);
 * - date_of_birth: a date within a few words after "born", "DOB", "D.O.B.", "date of birth",
 *   "birth date" or "birthday" (or just before "(DOB)"); a day and month without a year counts here;
 * - name_like: a title followed by a capitalised word that is not a replacement ("Dr Brown" where
 *   Brown is not in the register); a person's initials written undotted ("JS"), which the
 *   pseudonymiser leaves alone because such capitals are too often something else; and a capitalised
 *   word one letter away from a person's name ("Jayne", "Smyth", "Janie" for Jane Smith), a likely
 *   misspelling or nickname missing from the register's variants.
 * A hit inside a register hit is not reported again.
 */

export const hitKinds = [
  'register',
  'postcode',
  'phone',
  'email',
  'nhs_number',
  'date_of_birth',
  'name_like',
] as const;
export type HitKind = (typeof hitKinds)[number];

export type Hit = {
  kind: HitKind;
  match: string;
  start: number;
  end: number;
  /** About 40 characters either side, whitespace collapsed. */
  context: string;
  /** The register entry (the first, where a shared name could be several). */
  entryIndex?: number;
  /** Every register entry it could be, for register hits and undotted initials. */
  entryIndexes?: number[];
};

const CONTEXT = 40;

export function contextAround(text: string, start: number, end: number): string {
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(text.length, end + CONTEXT);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/gu, ' ')}${to < text.length ? '…' : ''}`;
}

/**
 * The shape of a UK postcode, a little wider than the valid set (any letters where the rules exclude
 * some): a mistyped postcode identifies a street as well as a valid one. Either all capitals or all
 * lower case.
 */
const POSTCODE_RE =
  /(?<![\p{L}\p{N}])(?:GIR[ \u00A0]?0AA|[A-Z]{1,2}[0-9][A-Z0-9]?[ \u00A0]{0,2}[0-9][A-Z]{2})(?![\p{L}\p{N}])/giu;
const isPostcodeCase = (s: string) => s === s.toUpperCase() || s === s.toLowerCase();

const PHONE_RE =
  /(?<![\p{L}\p{N}+/]|\p{N}[ .\-/])((?:\+|00)[ \u00A0]?44[ \u00A0]?(?:\(0\)[ \u00A0]?)?|\(?0)([1237](?:[ \u00A0\-.]?\)?[ \u00A0\-.]?\d){8,9})(?![\p{L}\p{N}]|[ \u00A0\-./]?\p{N})/gu;

const EMAIL_RE =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}])/gu;

const NHS_RE =
  /(?<![\p{L}\p{N}]|\p{N}[ \u00A0-])(\d{3})([ \u00A0-]?)(\d{3})\2(\d{4})(?![\p{L}\p{N}]|[ \u00A0-]\p{N})/gu;

const DOB_MARKER_RE =
  /(?<!\p{L})(?:born(?:\s+on)?|d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|birth\s*date|birthday)(?!\p{L})/giu;

/** Modulus 11: weights 10 to 2 on the first nine digits; 11 − remainder is the check digit (11 → 0, 10 → invalid). */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** Valid length for a UK number after the leading 0: 10 digits, or 9 for some 01 numbers. */
function isUkPhoneDigits(national: string): boolean {
  const digits = national.replace(/\D/g, '');
  return digits.length === 10 || (digits.startsWith('1') && digits.length === 9);
}

function patternHits(
  text: string,
  re: RegExp,
  kind: HitKind,
  keep: (m: RegExpExecArray) => boolean = () => true,
) {
  const hits: Hit[] = [];
  for (const m of text.matchAll(re)) {
    if (!keep(m)) continue;
    hits.push({ kind, match: m[0], start: m.index, end: m.index + m[0].length, context: '' });
  }
  return hits;
}

function datesOfBirth(text: string): Hit[] {
  const markers = [...text.matchAll(DOB_MARKER_RE)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  if (!markers.length) return [];
  const hits: Hit[] = [];
  for (const d of findDates(text, { requireYear: false })) {
    const near = markers.some((mk) => {
      if (mk.end <= d.start) {
        const gap = text.slice(mk.end, d.start);
        const wordsInGap = gap.match(/\p{L}+/gu)?.length ?? 0;
        return gap.length <= 30 && wordsInGap <= 3 && !/[.!?]\s+\p{Lu}|\n\s*\n/u.test(gap);
      }
      return mk.start >= d.end && /^[\s(,:\-–[]{0,4}$/u.test(text.slice(d.end, mk.start));
    });
    if (near)
      hits.push({
        kind: 'date_of_birth',
        match: text.slice(d.start, d.end),
        start: d.start,
        end: d.end,
        context: '',
      });
  }
  return hits;
}

/** Whether a and b differ by one letter added, removed, changed, or two neighbours swapped. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const deletions = (w: string) => Array.from(w, (_, i) => w.slice(0, i) + w.slice(i + 1));

type NearMissIndex = {
  /** The name parts of people (four letters or more), with the entries they belong to. */
  parts: Map<string, Set<number>>;
  /** The parts that are ordinary words. */
  ordinary: Set<string>;
  /** Each part, and each part with one letter dropped, to the parts it comes from. */
  byDeletion: Map<string, string[]>;
};
const nearMissIndexes = new WeakMap<CompiledRegister, NearMissIndex>();

/** The name parts a near miss is looked up in, worked out once for each compiled register. */
function nearMissIndex(compiled: CompiledRegister): NearMissIndex {
  const cached = nearMissIndexes.get(compiled);
  if (cached) return cached;
  const parts = new Map<string, Set<number>>();
  const ordinary = new Set<string>();
  for (const f of compiled.forms) {
    const piece = f.pieces[0]!;
    if (!f.person || f.pieces.length !== 1 || piece.kind !== 'word' || piece.fold.length < 4) continue;
    if (f.capitalOnly) ordinary.add(piece.fold);
    const entries = parts.get(piece.fold) ?? new Set<number>();
    entries.add(f.entryIndex);
    parts.set(piece.fold, entries);
  }
  const byDeletion = new Map<string, string[]>();
  for (const part of parts.keys()) {
    for (const key of [part, ...deletions(part)]) byDeletion.set(key, [...(byDeletion.get(key) ?? []), part]);
  }
  const index = { parts, ordinary, byDeletion };
  nearMissIndexes.set(compiled, index);
  return index;
}

/**
 * Capitalised words one edit away from a person's name (of four letters or more, one of them five or
 * more). For a name that is an ordinary word, only a letter added or dropped counts ("Lilly" for
 * Lily): "Crown" is not a misspelling of "Brown".
 */
function nearMisses(
  tokens: Token[],
  compiled: CompiledRegister,
  isReplacementAt: (at: number) => boolean,
): Hit[] {
  const { parts, ordinary, byDeletion } = nearMissIndex(compiled);
  if (!parts.size) return [];
  const hits: Hit[] = [];
  for (const tok of tokens) {
    const w = tok.fold;
    if (w.length < 4 || parts.has(w) || !/^\p{Lu}/u.test(tok.text) || isCommonWord(w)) continue;
    const near = new Set<number>();
    for (const key of [w, ...deletions(w)]) {
      for (const part of byDeletion.get(key) ?? []) {
        if (ordinary.has(part) && part.length === w.length) continue;
        if (Math.max(part.length, w.length) >= 5 && withinOneEdit(w, part))
          for (const e of parts.get(part)!) near.add(e);
      }
    }
    if (near.size && !isReplacementAt(tok.start)) {
      hits.push({
        kind: 'name_like',
        match: tok.text,
        start: tok.start,
        end: tok.end,
        context: '',
        entryIndexes: [...near].sort((a, b) => a - b),
      });
    }
  }
  return hits;
}

function nameLike(
  text: string,
  tokens: Token[],
  personInitials: Map<string, number[]>,
  isReplacementAt: (at: number) => boolean,
): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    // Undotted initials of someone in the register: "JS".
    const letters = upperLetters(tok.text);
    if (letters && letters.length >= 2 && letters.length <= 4) {
      const entries = personInitials.get(foldWord(tok.text));
      if (entries && !isReplacementAt(tok.start)) {
        hits.push({
          kind: 'name_like',
          match: tok.text,
          start: tok.start,
          end: tok.end,
          context: '',
          entryIndexes: entries,
        });
      }
    }
    // A title and a capitalised word: "Dr Brown", "MRS JONES", "Det. Sgt. Khan".
    if (
      !isTitleToken(tok) ||
      (i > 0 && isTitleToken(tokens[i - 1]!) && afterTitle(text, tokens[i - 1]!, tok) >= 0)
    ) {
      continue;
    }
    let p = i;
    while (p + 1 < tokens.length && p - i < 3 && afterTitle(text, tokens[p]!, tokens[p + 1]!) >= 0) {
      const next = tokens[p + 1]!;
      if (isTitleToken(next)) {
        p++;
        continue;
      }
      const named = /^\p{Lu}\p{Ll}/u.test(next.text) || (upperLetters(next.text)?.length ?? 0) >= 3;
      if (named && !isReplacementAt(tok.start) && !isReplacementAt(next.start)) {
        hits.push({
          kind: 'name_like',
          match: text.slice(tok.start, next.end),
          start: tok.start,
          end: next.end,
          context: '',
        });
      }
      break;
    }
  }
  return hits;
}

/** What in `text` could still identify someone: surviving register forms and identifier-shaped text. */
export function scanIdentifiers(text: string, register: readonly RegisterEntry[]): Hit[] {
  return scanIdentifiersWith(text, compileRegister(register));
}

/** The same as `scanIdentifiers`, with a register compiled once for many texts (`compileRegister`). */
export function scanIdentifiersWith(text: string, compiled: CompiledRegister): Hit[] {
  const tokens = tokenize(text);
  const replacements = [...new Set(compiled.entries.map((e) => e.replacement))].filter((r) => r.length > 0);
  /** Where a replacement (or a neutral "[… or …]") begins: not a name. */
  const isReplacementAt = (at: number) =>
    text[at] === '[' || replacements.some((r) => text.startsWith(r, at));
  const registerHits: Hit[] = findRegisterMatches(text, compiled).map((m) => ({
    kind: 'register',
    match: m.match,
    start: m.start,
    end: m.end,
    context: '',
    entryIndex: m.entryIndexes[0]!,
    entryIndexes: m.entryIndexes,
  }));
  const others: Hit[] = [
    ...patternHits(text, POSTCODE_RE, 'postcode', (m) => isPostcodeCase(m[0])),
    ...patternHits(text, PHONE_RE, 'phone', (m) => isUkPhoneDigits(m[2]!)),
    ...patternHits(text, EMAIL_RE, 'email'),
    ...patternHits(text, NHS_RE, 'nhs_number', (m) => isValidNhsNumber(`${m[1]}${m[3]}${m[4]}`)),
    ...datesOfBirth(text),
    ...nameLike(text, tokens, compiled.personInitials, isReplacementAt),
    ...nearMisses(tokens, compiled, isReplacementAt),
  ].filter((h) => !registerHits.some((r) => h.start < r.end && r.start < h.end));
  const order = (k: HitKind) => hitKinds.indexOf(k);
  const seen = new Set<string>();
  return [...registerHits, ...others]
    .sort((a, b) => a.start - b.start || order(a.kind) - order(b.kind) || a.end - b.end)
    .filter((h) => {
      const key = `${h.kind}|${h.start}|${h.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((h) => ({
      ...h,
      context: contextAround(text, h.start, h.end),
      ...(h.entryIndexes && h.entryIndex === undefined ? { entryIndex: h.entryIndexes[0]! } : {}),
    }));
}
