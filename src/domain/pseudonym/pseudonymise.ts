import { type PseudonymCategory, personCategories, type RegisterEntry } from './register.ts';

/*
 * The pseudonymiser: replaces every form of every register entry in a text with the entry's
 * replacement, in one pass. The identifier scan (scan.ts) uses the same matcher, so "what the
 * pseudonymiser replaces" and "what the scan reports as a surviving register form" cannot drift apart.
 *
 * How a text is matched
 * - The text is cut into word tokens: runs of Unicode letters, combining marks and digits. A form only
 *   ever matches whole tokens, so "Ann" never matches inside "Annual" and "Smith" never inside
 *   "Smithson". Invisible characters that come in from word processors (soft hyphen, zero-width
 *   space/joiner, word joiner, BOM) are part of a token but ignored when comparing. In scripts
 *   written without spaces (Chinese, Japanese, Thai…) each character is a token, so a name is found
 *   by its characters in order inside a longer run.
 * - Tokens are compared case-insensitively after compatibility normalisation with accents removed
 *   (NFKD, marks dropped, ß → ss): a register "Zoe" also catches "Zoë" and "ZOE". Over-matching an
 *   accent is safer than missing one.
 * - Between the words of a form, any run of whitespace (line breaks included) or a hyphen of any kind
 *   matches ("Mary-Jane" = "Mary Jane" = "Mary\nJane"); an apostrophe of any kind matches any other
 *   or a space ("O'Brien" = "O’Brien" = "O Brien"); hyphenated and apostrophised words also match
 *   written solid ("Maryjane", "OBrien").
 * - Longest match wins; at the same length an entry's own written forms (real value, variants) beat
 *   forms derived from another entry's name. The text is rewritten in one pass from the chosen
 *   matches, so a replacement is never itself re-replaced.
 *
 * Forms derived for people (child, family member, practitioner), from the real value and every
 * variant (a value written surname first, "Smith, Jane", is also read as "Jane Smith"; a title
 * written in the register, "Mrs Jane Smith", is also dropped):
 * - each name on its own (first name, middle names, surname, each half of a hyphenated name) when it
 *   has at least two letters: reports say "Jane said". Lower-case particles inside a name ("van",
 *   "de", "bin") are kept in the full name and the surname but never replaced on their own;
 * - each of those with an "s" (or "es" after s, x, z, ch, sh): "the Smiths", "the Joneses", and the
 *   possessive written without its apostrophe ("Janes mum");
 * - first name + surname (middle names dropped); first name + middle initials + surname;
 *   "Surname, First";
 * - initials before the surname: "J. Smith", "J Smith", "J.M. Smith", "JM Smith" (capital letters
 *   that are the person's own initials);
 * - initials on their own only when each is dotted: "J.S.", "J. S.", "J.M.S." (undotted "JS" is too
 *   often something else, like "SW" for social worker; the scan reports it as name-like instead);
 * - a title before any of those ("Mrs Smith", "Dr J. Smith", "DC Jones") is replaced with the name.
 *
 * Common words. A one-word form that is also an ordinary English word ("Will", "May", "Hope",
 * "Brown", "Reading") is only matched when written with a capital letter, so "you may" and "will be"
 * are left alone while "May said" is replaced. A one-word month name is also left alone next to a
 * day number or year ("12 May", "May 2019"). Everything else is matched in any case. Where a capital
 * common word begins a sentence ("Will the school…") it is still replaced: a stray replacement is
 * visible in the preview; a surviving name is a breach.
 *
 * Possessives. "Jane's"/"Jane’s" keep their "'s" after the replacement. A possessive written with an
 * apostrophe alone ("Jones' house") is rewritten to suit the replacement: "Child A’s house" (or
 * "the Jameses’ house" when the replacement itself ends in s).
 *
 * Shared names (the choice for ambiguity). Where the same derived form belongs to two or more
 * entries with different replacements (two family members called Smith, so a bare "Smith" or
 * "Mrs Smith"), the text cannot be mapped to one person. It is replaced with a neutral form naming
 * every candidate, like "[Mother or Grandmother]": it identifies nobody, is obviously unfinished, and
 * tells the author which choices there are. Each such place is listed in `ambiguous`. Where every
 * candidate has the same replacement (two practitioners both "the social worker"), that replacement
 * is used and nothing is reported.
 *
 * Dates of birth. A date-of-birth entry whose value reads as a date is matched in any common UK form
 * of that same date (12/03/2019, 12.03.19, 12-03-2019, 12 March 2019, 12th of March 2019, 12-Mar-19,
 * March 12, 2019, 2019-03-12, with or without a weekday before it). A value that is not a date is
 * matched as text.
 *
 * Addresses. Besides the whole address, each line or comma-separated part of two or more words that
 * has a distinctive word in it ("Acacia Avenue", "12 Acacia Avenue", a postcode) is replaced on its
 * own. A one-word town is not derived: register it as a place.
 */

// ---------------------------------------------------------------------------------------------
// Words

const INVISIBLE = '\\u00AD\\u200B-\\u200D\\u2060\\uFEFF';
const INVISIBLE_RE = new RegExp(`[${INVISIBLE}]`, 'gu');
/**
 * Scripts written without spaces between words (Chinese, Japanese, Thai and neighbours): each
 * character is a token of its own, so a name is found inside a run of them by its characters in
 * order, where whole words cannot be told apart.
 */
const SPACELESS =
  '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Thai}\\p{sc=Lao}\\p{sc=Khmer}\\p{sc=Myanmar}';
const WORD_CHAR = `(?:(?![${SPACELESS}])[\\p{L}\\p{M}\\p{N}])`;
const TOKEN_RE = new RegExp(
  `[${SPACELESS}]\\p{M}*|${WORD_CHAR}(?:(?:${WORD_CHAR}|[${INVISIBLE}])*${WORD_CHAR})?`,
  'gu',
);
const APOSTROPHES = "'’‘ʼ`´′＇";
const HYPHENS = '-‐‑‒–—―−﹣－';
const APOSTROPHE_RE = new RegExp(`[${APOSTROPHES}]`, 'gu');
const HYPHEN_RE = new RegExp(`[${HYPHENS}]`, 'gu');

/** Whether every character of a string is ASCII (checked without a regular expression: it runs per word). */
function isPlainAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) return false;
  return true;
}

/** How two spellings of a word are compared: case, accents, compatibility forms and invisibles ignored. */
export function foldWord(s: string): string {
  let upper = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) return foldOther(s);
    if (c <= 90 && c >= 65) upper = true;
  }
  // Plain ASCII: only the capitals change.
  return upper ? s.toLowerCase() : s;
}

function foldOther(s: string): string {
  return s
    .replace(INVISIBLE_RE, '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i');
}

export type Token = {
  start: number;
  end: number;
  text: string;
  fold: string;
  /** The folded letters when the word is all capitals ("JM" → ["j", "m"]), else null; worked out when first asked. */
  caps?: string[] | null;
};

/**
 * Characters no word holds, among the first 0x3000 code units: everything but letters, marks, digits,
 * the invisibles and the spaceless scripts (ASCII punctuation and spaces, curly quotes, dashes, the
 * no-break space). No word crosses one, so a text is cut into runs at them.
 */
const SEPARATOR_LIMIT = 0x3000;
const SEPARATOR = new Uint8Array(SEPARATOR_LIMIT);
{
  const inWord = new RegExp(`[\\p{L}\\p{M}\\p{N}${INVISIBLE}${SPACELESS}]`, 'u');
  for (let c = 0; c < SEPARATOR_LIMIT; c++) SEPARATOR[c] = inWord.test(String.fromCharCode(c)) ? 0 : 1;
}

/*
 * Plain words (ASCII letters and digits only, the usual case) are compared by a hash before any
 * string is made: FNV-1a over the characters in lower case (`c | 32` lowers A–Z and keeps digits),
 * kept to 31 bits. A plain word folds to its lower case, so the hash of a word as written is the
 * hash of its folded form. Different hashes mean different words; equal hashes are checked.
 */
const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;
/** Marks a word that is not plain ASCII (no hash). */
const NOT_PLAIN = -1;
const isPlainFold = (fold: string) => /^[a-z0-9]+$/.test(fold);

function hashWord(word: string): number {
  let h = HASH_SEED;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ (word.charCodeAt(i) | 32), HASH_PRIME);
  return h >>> 1;
}

/** A set of plain folded words as a bitmap of 16 bits of their hashes: no false negatives. */
type WordFilter = Uint32Array;
const FILTER_SHIFT = 15;

function wordFilterOf(folds: Iterable<string>): WordFilter {
  const bits = new Uint32Array(1 << (31 - FILTER_SHIFT - 5));
  // A plain word folds to lower-case letters and digits: no other fold can be met as one.
  for (const fold of folds) if (isPlainFold(fold)) addToFilter(bits, hashWord(fold));
  return bits;
}

function addToFilter(bits: WordFilter, hash: number): void {
  const key = hash >>> FILTER_SHIFT;
  bits[key >>> 5]! |= 1 << (key & 31);
}

/** Whether a plain word's hash may be in the filter. */
function mayBeIn(bits: WordFilter, hash: number): boolean {
  const key = hash >>> FILTER_SHIFT;
  return ((bits[key >>> 5]! >>> (key & 31)) & 1) === 1;
}

/** Whether the code unit `c` can be no part of a word. */
const isSeparator = (c: number) => c < SEPARATOR_LIMIT && SEPARATOR[c] === 1;

/**
 * Where a register form may start in a text: the offsets of every word outside plain ASCII, every
 * plain word whose folded form may be in the filter, and every word of one to four capitals
 * (initials). Words are cut as `WordReader` cuts them, with the hash worked out on the way, so the
 * other words cost only the loop over their characters.
 */
function findWordStarts(text: string, filter: WordFilter): number[] {
  const starts: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (isSeparator(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const at = i;
    let plain = true;
    let capitals = true;
    let h = HASH_SEED;
    for (; i < n; i++) {
      const d = text.charCodeAt(i);
      if (d < 128) {
        if (SEPARATOR[d] === 1) break;
        if (d < 65 || d > 90) capitals = false;
        h = Math.imul(h ^ (d | 32), HASH_PRIME);
      } else if (isSeparator(d)) break;
      else plain = false;
    }
    if (plain) {
      if (mayBeIn(filter, h >>> 1) || (capitals && i - at <= 4)) starts.push(at);
    } else {
      for (const m of text.slice(at, i).matchAll(TOKEN_RE)) starts.push(at + m.index);
    }
    i++; // the separator that ended the word
  }
  return starts;
}

/**
 * The words of a text from an offset where a word starts, read only as far as they are asked for,
 * and made into Tokens only when asked for. A text is cut into runs at the separators (no word
 * crosses one); a run of plain ASCII is one word, worked out with a character-code loop, and only a
 * run holding other characters goes through TOKEN_RE. Reading on from a word's start gives the same
 * words as reading from the start of its run.
 */
class WordReader {
  private starts: number[] = [];
  private ends: number[] = [];
  /** The hash of each plain word (see hashWord), or NOT_PLAIN. */
  private hashes: number[] = [];
  private made: (Token | undefined)[] = [];
  private offset: number;
  constructor(
    private readonly text: string,
    from: number,
  ) {
    this.offset = from;
  }

  /** Starts again from another offset where a word starts. */
  restart(from: number): void {
    this.starts = [];
    this.ends = [];
    this.hashes = [];
    this.made = [];
    this.offset = from;
  }

  /** Whether there is a `k`th word (from 0). */
  has(k: number): boolean {
    while (this.starts.length <= k && this.offset < this.text.length) this.readRun();
    return k < this.starts.length;
  }

  /** The `k`th word (from 0), or undefined past the last word of the text. */
  at(k: number): Token | undefined {
    if (!this.has(k)) return undefined;
    let tok = this.made[k];
    if (!tok) {
      const start = this.starts[k]!;
      const end = this.ends[k]!;
      const word = this.text.slice(start, end);
      tok = { start, end, text: word, fold: foldWord(word), caps: undefined };
      this.made[k] = tok;
    }
    return tok;
  }

  /*
   * The methods below answer for the `k`th word without making a Token where the word is plain:
   * call `has(k)` first.
   */

  /** The hash of the `k`th word's folded form if it is a plain word, else NOT_PLAIN. */
  hashAt(k: number): number {
    return this.hashes[k]!;
  }

  startOf(k: number): number {
    return this.starts[k]!;
  }

  endOf(k: number): number {
    return this.ends[k]!;
  }

  /** Whether the `k`th word folds to `fold`. */
  foldIs(k: number, fold: string): boolean {
    if (this.hashes[k] === NOT_PLAIN) return this.at(k)!.fold === fold;
    // A plain word folds to its lower case: compare it character by character (`c | 32`, see hashWord).
    const start = this.starts[k]!;
    if (this.ends[k]! - start !== fold.length) return false;
    for (let j = 0; j < fold.length; j++)
      if ((this.text.charCodeAt(start + j) | 32) !== fold.charCodeAt(j)) return false;
    return true;
  }

  /** Whether the `k`th word folds to `fold`, whose hash is `hash` (NOT_PLAIN if it is no plain word). */
  foldIsHashed(k: number, fold: string, hash: number): boolean {
    const h = this.hashes[k]!;
    if (h !== NOT_PLAIN && h !== hash) return false;
    return this.foldIs(k, fold);
  }

  /** The folded capitals of the `k`th word (see Token.caps). */
  capsAt(k: number): string[] | null {
    if (this.hashes[k] !== NOT_PLAIN) {
      // A plain word: capitals only if every character is one.
      const start = this.starts[k]!;
      const end = this.ends[k]!;
      for (let j = start; j < end; j++) {
        const c = this.text.charCodeAt(j);
        if (c < 65 || c > 90) return null;
      }
    }
    return capsOf(this.at(k)!);
  }

  private readRun(): void {
    const text = this.text;
    const n = text.length;
    let i = this.offset;
    while (i < n && isSeparator(text.charCodeAt(i))) i++;
    const at = i;
    let plain = true;
    let h = HASH_SEED;
    for (; i < n; i++) {
      const d = text.charCodeAt(i);
      if (isSeparator(d)) break;
      if (d >= 128) plain = false;
      else h = Math.imul(h ^ (d | 32), HASH_PRIME);
    }
    this.offset = i;
    if (at === i) return;
    if (plain) this.add(at, i, h >>> 1);
    else
      for (const m of text.slice(at, i).matchAll(TOKEN_RE))
        this.add(at + m.index, at + m.index + m[0].length, NOT_PLAIN);
  }

  private add(start: number, end: number, hash: number): void {
    this.starts.push(start);
    this.ends.push(end);
    this.hashes.push(hash);
  }
}

/** The words of a text (runs of letters, marks and digits), with their offsets. */
export function tokenize(text: string): Token[] {
  const reader = new WordReader(text, 0);
  const tokens: Token[] = [];
  for (let tok = reader.at(0); tok; tok = reader.at(tokens.length)) tokens.push(tok);
  return tokens;
}

const startsUpper = (s: string) => {
  // A word starting with an ASCII character has no invisible before it.
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^[\p{Lu}\p{Lt}]/u.test(s.replace(INVISIBLE_RE, ''));
};
const letterCount = (s: string) => s.match(/\p{L}/gu)?.length ?? 0;
/** The letters of a word written in capitals only (with any accents), like "J" or "JM"; otherwise null. */
export const upperLetters = (s: string): string[] | null => {
  if (isPlainAscii(s)) {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 65 || c > 90) return null;
    }
    return s.length ? s.split('') : null;
  }
  if (/^[a-z0-9]/.test(s)) return null;
  const clean = s.replace(INVISIBLE_RE, '').normalize('NFC');
  return /^(?:\p{Lu}\p{M}*)+$/u.test(clean) ? (clean.match(/\p{Lu}\p{M}*/gu) ?? []) : null;
};

function capsOf(tok: Token): string[] | null {
  if (tok.caps === undefined) tok.caps = upperLetters(tok.text)?.map(foldWord) ?? null;
  return tok.caps;
}

const words = (s: string) => new Set(s.trim().split(/\s+/));

const MONTH_WORDS = words(
  `january february march april may june july august september october november december`,
);

/**
 * Ordinary English words that are also names, or that a name part might be. A one-word form that is
 * one of these is matched only with a capital letter. Not a dictionary: function words, and the
 * words most often met as first names, surnames, places or school names.
 */
const COMMON_WORDS = words(`
  a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does down during each few for from further had has have
  he her here hers him his how i if in into is it its just me more most much must my no nor not now
  of off on once one only or other our out over own same she should so some such than that the their
  them then there these they this those through to too under until up upon us very was we were what
  when where which while who whom why will with would yes yet you your
  ${[...MONTH_WORDS].join(' ')} monday tuesday wednesday thursday friday saturday sunday
  may will june april august march grace hope faith joy rose mark bill pat sue ray dawn guy jack frank
  rich art don bob penny ruby amber holly ivy lily daisy summer autumn winter spring violet iris
  heather jade pearl crystal sky river brook chase hunter miles young white black brown green gray
  grey wood woods hill king bird long short little small field fields ward page cook baker mason
  carter hall walker bell lane love sharp rock stone moss fox wolf lamb bush marsh mills ash banks
  brooks rivers price cash gold silver victory star storm sunny honey candy cherry ginger olive poppy
  sage willow hazel bay hero noble major judge bishop dean earl prince duke knight bond best cross
  close fair free hunt lord lady sir dame master miss nurse sister doctor father mother brother son
  daughter baby child family home house school street road avenue drive way view park flat high north
  south east west new old church hospital centre center station city town village care case review
  report worker social health police court unit team service services said saw told seen visit
  reading bath wells
`);

/** Name particles: kept in a full name and a surname, never replaced on their own (when lower case). */
const PARTICLES = words(`van von der den de del della di da du la le bin ben bint al el ter ten dos das do`);

/** Titles written in any case (they are not ordinary words). */
const TITLES_ANY_CASE = words(`mr mrs ms mx dr prof revd rev cllr sgt insp det supt`);
/** Titles matched only with a capital letter (they are also ordinary words). */
const TITLES_CAPITAL = words(`
  miss master sir dame lady lord doctor professor reverend councillor sergeant inspector constable
  detective nurse sister pc dc ds di dci dsi pcso
`);

/** Whether a one-word form is matched only when written with a capital letter. */
export function isCommonWord(word: string): boolean {
  const f = foldWord(word);
  return COMMON_WORDS.has(f) || TITLES_ANY_CASE.has(f) || TITLES_CAPITAL.has(f) || PARTICLES.has(f);
}

/** Whether a word, as written, is a title before a name ("Mrs", "Dr", "DC", "Nurse"). */
export function isTitleToken(tok: Pick<Token, 'text' | 'fold'>): boolean {
  return TITLES_ANY_CASE.has(tok.fold) || (TITLES_CAPITAL.has(tok.fold) && startsUpper(tok.text));
}

/** The offset after a title's optional full stop if a name may follow it (only whitespace between), or -1. */
export function afterTitle(text: string, title: Token, next: Token): number {
  let after = title.end;
  if (text[after] === '.') after++;
  const raw = text.slice(after, next.start);
  return /^\s+$/u.test(raw) || (raw === '' && after > title.end) ? next.start : -1;
}

// ---------------------------------------------------------------------------------------------
// Separators between the words of a form

type Sep =
  | { kind: 'none'; display: string } // nothing: characters of a spaceless script
  | { kind: 'space'; display: string } // whitespace or a hyphen
  | { kind: 'apostrophe'; display: string } // an apostrophe, or a space
  | { kind: 'punct'; display: string } // full stops and commas, optional
  | { kind: 'exact'; display: string; exact: string };

/** The visible part of a separator: whitespace and invisibles removed, apostrophes and hyphens unified. */
function sepCore(raw: string): string {
  // The usual separator, one plain space, needs no work.
  if (raw === ' ') return '';
  return raw
    .replace(INVISIBLE_RE, '')
    .replace(/\s+/gu, '')
    .replace(APOSTROPHE_RE, "'")
    .replace(HYPHEN_RE, '-');
}

function classifySep(raw: string): Sep {
  const core = sepCore(raw);
  const display = raw.replace(/\s+/gu, ' ');
  if (raw.replace(INVISIBLE_RE, '') === '') return { kind: 'none', display: '' };
  if (core === '' || core === '-') return { kind: 'space', display };
  if (core === "'") return { kind: 'apostrophe', display };
  if (/^[.,]+-?$/.test(core) && core.length <= 3) return { kind: 'punct', display };
  return { kind: 'exact', display, exact: core };
}

function sepMatches(sep: Sep, raw: string): boolean {
  const core = sepCore(raw);
  switch (sep.kind) {
    case 'none':
      return raw.replace(INVISIBLE_RE, '') === '';
    case 'space':
      return core === '' || core === '-';
    case 'apostrophe':
      return core === "'" || core === '';
    case 'punct': {
      const rest = core.replace(/[.,]/g, '');
      return core.length <= 3 && (rest === '' || rest === '-');
    }
    case 'exact':
      return core === sep.exact;
  }
}

// ---------------------------------------------------------------------------------------------
// Forms

/** A word; `base` is the name a plural or apostrophe-less possessive ("Smiths") was made from. */
type WordPiece = { kind: 'word'; fold: string; display: string; base?: string };
/** Initials: one token of capitals ("JM") or single capitals with dots or spaces ("J.M.", "J M"). */
type InitialsPiece = { kind: 'initials'; letters: string[]; folded: string[]; standalone: boolean };
type Piece = WordPiece | InitialsPiece;

/** One way an entry can be written, as the matcher sees it. */
export type RegisterForm = {
  entryIndex: number;
  /** Written in the register (real value or variant), as opposed to derived from a person's name. */
  derived: boolean;
  person: boolean;
  pieces: Piece[];
  seps: Sep[];
  /** Only with a capital letter (a one-word common word). */
  capitalOnly: boolean;
  /** A one-word month name: not next to a day number or year. */
  monthGuard: boolean;
  label: string;
};

type DateValue = { day: number; month: number; year: number | null; yearDigits: 0 | 2 | 4 };
type DateForm = DateValue & { entryIndex: number; label: string };

export type CompiledRegister = {
  entries: readonly RegisterEntry[];
  forms: RegisterForm[];
  dates: DateForm[];
  /** Forms by the key of their first piece (see formKey). */
  index: Map<string, RegisterForm[]>;
  /** Forms of people that a title may come before, indexed the same way. */
  personIndex: Map<string, RegisterForm[]>;
  /** Undotted initials of people ("JS"), folded, with the entries they belong to (for the scan). */
  personInitials: Map<string, number[]>;
};

type Spelling = { pieces: Piece[]; seps: Sep[] };
type Chunk = { tokens: Token[]; inner: Sep[]; sepBefore: Sep | null; rawBefore: string; source: string };

/** Cuts a register value into whitespace- or comma-separated chunks of tokens. */
function parsePhrase(s: string): Chunk[] {
  const tokens = tokenize(s);
  const chunks: Chunk[] = [];
  let prevEnd = 0;
  for (const tok of tokens) {
    const raw = s.slice(prevEnd, tok.start);
    const last = chunks.at(-1);
    if (!last || /[\s,]/u.test(raw)) {
      chunks.push({
        tokens: [tok],
        inner: [],
        sepBefore: last ? classifySep(raw) : null,
        rawBefore: raw,
        source: tok.text,
      });
    } else {
      last.tokens.push(tok);
      last.inner.push(classifySep(raw));
      last.source += raw + tok.text;
    }
    prevEnd = tok.end;
  }
  return chunks;
}

const wordPiece = (tok: Token): WordPiece => ({ kind: 'word', fold: tok.fold, display: tok.text });
const space: Sep = { kind: 'space', display: ' ' };

/** A chunk as written, and (for "Mary-Jane", "O'Brien") written solid. */
function chunkSpellings(chunk: Chunk, person: boolean): Spelling[] {
  const asInitial = person && chunk.tokens.length === 1 && letterCount(chunk.tokens[0]!.text) === 1;
  if (asInitial) {
    const letter = chunk.tokens[0]!.text.toLocaleUpperCase();
    return [
      {
        pieces: [{ kind: 'initials', letters: [letter], folded: [foldWord(letter)], standalone: false }],
        seps: [],
      },
    ];
  }
  const spellings: Spelling[] = [{ pieces: chunk.tokens.map(wordPiece), seps: chunk.inner }];
  if (chunk.tokens.length > 1 && chunk.inner.every((s) => s.kind === 'space' || s.kind === 'apostrophe')) {
    const text = chunk.tokens.map((t) => t.text).join('');
    spellings.push({
      pieces: [{ kind: 'word', fold: chunk.tokens.map((t) => t.fold).join(''), display: text }],
      seps: [],
    });
  }
  return spellings;
}

const MAX_SPELLINGS = 64;

/** Every combination of the chunks' spellings. */
function combine(parts: { spellings: Spelling[]; sepBefore: Sep | null }[]): Spelling[] {
  let acc: Spelling[] = [{ pieces: [], seps: [] }];
  for (const part of parts) {
    const next: Spelling[] = [];
    for (const a of acc) {
      for (const b of part.spellings) {
        if (next.length >= MAX_SPELLINGS) break;
        const seps = a.pieces.length ? [...a.seps, part.sepBefore ?? space, ...b.seps] : [...b.seps];
        next.push({ pieces: [...a.pieces, ...b.pieces], seps });
      }
    }
    acc = next;
  }
  return acc.filter((s) => s.pieces.length > 0);
}

const chunksSpellings = (chunks: Chunk[], person: boolean) =>
  combine(
    chunks.map((c, i) => ({ spellings: chunkSpellings(c, person), sepBefore: i ? c.sepBefore : null })),
  );

const initialOf = (chunk: Chunk) => chunk.tokens[0]!.text.charAt(0).toLocaleUpperCase();
const isParticle = (chunk: Chunk) =>
  chunk.tokens.length === 1 &&
  PARTICLES.has(chunk.tokens[0]!.fold) &&
  chunk.source === chunk.source.toLowerCase();
/**
 * A title at the start of a register value. A short one that is also a name ("Di" is Diana, "DI" a
 * detective inspector) only counts in capitals, or the name would be dropped with it.
 */
const isTitleChunk = (chunk: Chunk) => {
  const tok = chunk.tokens[0]!;
  if (chunk.tokens.length !== 1) return false;
  if (TITLES_ANY_CASE.has(tok.fold)) return true;
  return TITLES_CAPITAL.has(tok.fold) && (tok.fold.length > 3 || upperLetters(tok.text) !== null);
};

function label(sp: Spelling): string {
  let out = '';
  sp.pieces.forEach((p, i) => {
    if (i > 0) {
      const prev = sp.pieces[i - 1]!;
      out += prev.kind === 'initials' ? ' ' : sp.seps[i - 1]!.display;
    }
    out +=
      p.kind === 'word'
        ? p.display
        : p.standalone
          ? `${p.letters.join('.')}.`
          : p.letters.map((l) => `${l}.`).join('');
  });
  return out;
}

/** The forms of one register value (real value or variant). */
function valueForms(value: string, category: PseudonymCategory): { spelling: Spelling; derived: boolean }[] {
  const person = personCategories.includes(category);
  const chunks = parsePhrase(value);
  if (chunks.length === 0) return [];
  const out: { spelling: Spelling; derived: boolean }[] = [];
  const add = (spellings: Spelling[], derived: boolean) => {
    for (const spelling of spellings) out.push({ spelling, derived });
  };
  add(chunksSpellings(chunks, person), false);

  if (category === 'address') add(addressParts(chunks), true);
  if (!person) return out;

  // A title written in the register ("Mrs Jane Smith", "Dr Patel"): the name without it is as good.
  let name = chunks;
  while (name.length > 1 && isTitleChunk(name[0]!)) name = name.slice(1);
  if (name !== chunks) add(chunksSpellings(name, true), false);

  const named = name.filter((c) => !isParticle(c) && letterCount(c.source) >= 2);
  /*
   * Each name on its own, and each half of a hyphenated name; each also with an "s" ("Janes mum",
   * the possessive without its apostrophe; "the Smiths"), or with "es" after s, x, z, ch or sh
   * ("the Joneses").
   */
  const withS = (spellings: Spelling[]) => {
    add(spellings, true);
    for (const sp of spellings) {
      const end = sp.pieces.at(-1)!;
      if (end.kind !== 'word') continue;
      const suffix = /(?:s|x|z|ch|sh)$/.test(end.fold) ? 'es' : 's';
      const plural: WordPiece = {
        kind: 'word',
        fold: end.fold + suffix,
        display: end.display + suffix,
        base: end.fold,
      };
      add([{ pieces: [...sp.pieces.slice(0, -1), plural], seps: sp.seps }], true);
    }
  };
  for (const chunk of named) {
    withS(chunkSpellings(chunk, true));
    if (chunk.tokens.length > 1) {
      chunk.tokens.forEach((tok, i) => {
        const hyphenated =
          (i > 0 && chunk.inner[i - 1]!.kind === 'space') || chunk.inner[i]?.kind === 'space';
        if (hyphenated && letterCount(tok.text) >= 2) withS([{ pieces: [wordPiece(tok)], seps: [] }]);
      });
    }
  }
  if (name.length < 2) return out;

  let surnameStart = name.length - 1;
  while (surnameStart > 1 && isParticle(name[surnameStart - 1]!)) surnameStart--;
  const surname = name.slice(surnameStart);
  const given = name.slice(0, surnameStart).filter((c) => !isParticle(c));
  const first = given[0];
  const last = surname.at(-1)!;
  if (!first) return out;
  const surnameSpellings = chunksSpellings(surname, true);
  if (surname.length > 1) add(surnameSpellings, true);

  const givenInitials = given.map(initialOf);
  const initials = (letters: string[], standalone: boolean): Spelling => ({
    pieces: [{ kind: 'initials', letters, folded: letters.map(foldWord), standalone }],
    seps: [],
  });
  const then = (a: Spelling[], b: Spelling[], sep: Sep = space) =>
    a.flatMap((x) =>
      b.map((y) => ({ pieces: [...x.pieces, ...y.pieces], seps: [...x.seps, sep, ...y.seps] })),
    );

  const firstSpellings = chunkSpellings(first, true);
  // First name and surname, middle names dropped; first name, middle initials, surname.
  if (given.length > 1) {
    add(then(firstSpellings, surnameSpellings), true);
    add(then(then(firstSpellings, [initials(givenInitials.slice(1), false)]), surnameSpellings), true);
  }
  // Initials before the surname (or before either half of a hyphenated surname).
  const surnameTails = [...surnameSpellings];
  if (last.tokens.length > 1) {
    for (const tok of last.tokens)
      if (letterCount(tok.text) >= 2) surnameTails.push({ pieces: [wordPiece(tok)], seps: [] });
  }
  // Initials of each half of a hyphenated name too: "L.M." for Lily-Mae, "S-J" for Smith-Jones.
  const givenHalves = given.flatMap(halfInitials);
  const distinct = (sets: string[][]) => [...new Map(sets.map((l) => [l.join(), l])).values()];
  for (const letters of distinct([givenInitials.slice(0, 1), givenInitials, givenHalves])) {
    add(then([initials(letters, false)], surnameTails), true);
  }
  // "Smith, Jane".
  add(then(surnameSpellings, firstSpellings, { kind: 'punct', display: ', ' }), true);
  // Dotted initials on their own.
  const surnameInitial = initialOf(last);
  const alone = [
    [...givenInitials, surnameInitial],
    [givenInitials[0]!, surnameInitial],
    [...givenHalves, ...halfInitials(last)],
  ];
  for (const letters of distinct(alone)) if (letters.length > 1) add([initials(letters, true)], true);
  return out;
}

/** The initial of each hyphen-joined half of a chunk ("Lily-Mae" → L, M; "O'Brien" → O). */
function halfInitials(chunk: Chunk): string[] {
  return chunk.tokens
    .filter((_, i) => i === 0 || chunk.inner[i - 1]!.kind === 'space')
    .map((tok) => tok.text.charAt(0).toLocaleUpperCase());
}

const GENERIC_ADDRESS_WORD = words(`flat apartment apt unit house floor room block`);

/** Lines or comma-separated parts of an address that point to a place on their own. */
function addressParts(chunks: Chunk[]): Spelling[] {
  const segments: Chunk[][] = [[]];
  for (const chunk of chunks) {
    if (segments.at(-1)!.length && /[,\n\r]/.test(chunk.rawBefore)) segments.push([]);
    segments.at(-1)!.push(chunk);
  }
  const out: Spelling[] = [];
  for (const segment of segments) {
    const text = segment.map((c) => c.source).join(' ');
    const distinctive = segment.some(
      (c) =>
        letterCount(c.source) >= 3 &&
        !COMMON_WORDS.has(c.tokens[0]!.fold) &&
        !GENERIC_ADDRESS_WORD.has(c.tokens[0]!.fold),
    );
    const postcode = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i.test(text);
    if (segment.length < 2 || !(distinctive || postcode)) continue;
    out.push(...chunksSpellings(segment, false));
    // The street without the house number: "12 Acacia Avenue" → "Acacia Avenue".
    if (segment.length >= 3 && /^\d/.test(segment[0]!.source))
      out.push(...chunksSpellings(segment.slice(1), false));
  }
  return out;
}

/** A person's name written surname first ("Smith, Jane Mary"), also read in the usual order. */
function nameOrders(value: string): string[] {
  const m = value.match(/^\s*([^,]+?)\s*,\s*([^,]+?)\s*$/u);
  return m ? [value, `${m[2]} ${m[1]}`] : [value];
}

/** Turns the register into the matcher's forms. */
export function compileRegister(register: readonly RegisterEntry[]): CompiledRegister {
  const forms: RegisterForm[] = [];
  const dates: DateForm[] = [];
  const seen = new Set<string>();
  register.forEach((entry, entryIndex) => {
    const person = personCategories.includes(entry.category);
    for (const value of person
      ? [entry.realValue, ...entry.variants].flatMap(nameOrders)
      : [entry.realValue, ...entry.variants]) {
      if (entry.category === 'date_of_birth') {
        const date = parseDate(value);
        if (date) {
          dates.push({ ...date, entryIndex, label: formatDate(date) });
          continue;
        }
      }
      for (const { spelling, derived } of valueForms(value, entry.category)) {
        const pieces = spelling.pieces.map((p) =>
          p.kind === 'word' ? p.fold : `#${p.folded.join('')}${p.standalone ? '.' : ''}`,
        );
        const key = `${entryIndex}|${derived}|${pieces.join(' ')}|${spelling.seps.map((s) => s.kind).join()}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const only = spelling.pieces.length === 1 ? spelling.pieces[0] : undefined;
        const single = only?.kind === 'word' ? only : undefined;
        forms.push({
          entryIndex,
          derived,
          person,
          pieces: spelling.pieces,
          seps: spelling.seps,
          capitalOnly:
            !!single && (isCommonWord(single.fold) || (!!single.base && isCommonWord(single.base))),
          monthGuard: !!single && MONTH_WORDS.has(single.fold),
          label: label(spelling),
        });
      }
    }
  });
  // An entry's own form also written as a derived form of the same entry: keep the written one.
  const written = new Set(
    forms.filter((f) => !f.derived).map((f) => `${f.entryIndex}|${f.label.toLowerCase()}`),
  );
  const kept = forms.filter((f) => !f.derived || !written.has(`${f.entryIndex}|${f.label.toLowerCase()}`));

  const index = new Map<string, RegisterForm[]>();
  const personIndex = new Map<string, RegisterForm[]>();
  const personInitials = new Map<string, number[]>();
  for (const form of kept) {
    const head = form.pieces[0]!;
    const key = formKey(form);
    push(index, key, form);
    if (form.person) push(personIndex, key, form);
    if (form.person && head.kind === 'initials' && head.standalone) {
      const folded = foldWord(head.letters.join(''));
      const list = personInitials.get(folded) ?? [];
      if (!list.includes(form.entryIndex)) list.push(form.entryIndex);
      personInitials.set(folded, list);
    }
  }
  return { entries: register, forms: kept, dates, index, personIndex, personInitials };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Every form checked for each entry, as a person would write it (for the report's checklist and tests). */
export function namesIn(
  register: readonly RegisterEntry[],
): { entryIndex: number; form: string; derived: boolean }[] {
  const compiled = compileRegister(register);
  return [
    ...compiled.forms.map((f) => ({ entryIndex: f.entryIndex, form: f.label, derived: f.derived })),
    ...compiled.dates.map((d) => ({
      entryIndex: d.entryIndex,
      form: `${d.label} (any common date format)`,
      derived: false,
    })),
  ].sort((a, b) => a.entryIndex - b.entryIndex);
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH_NAME = Object.keys(MONTHS).slice(0, 12);
const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const WEEKDAY = '(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+(?:the\\s+)?)?';
const DATE_START = '(?<![\\p{L}\\p{N}]|\\p{N}[/.\\-])';
const DATE_END = '(?![\\p{L}\\p{N}]|[/.\\-]\\p{N})';
const ORD = '(?:st|nd|rd|th)?';
const DATE_PATTERNS: { re: RegExp; parts: (m: RegExpMatchArray) => [string, string, string | undefined] }[] =
  [
    {
      // 12/03/2019, 12.03.19, 12-3-2019
      re: new RegExp(
        `${DATE_START}${WEEKDAY}(\\d{1,2})([/.\\-])(\\d{1,2})\\2(\\d{4}|\\d{2})${DATE_END}`,
        'giu',
      ),
      parts: (m) => [m[1]!, m[3]!, m[4]],
    },
    {
      // 2019-03-12, 2019/3/12 (and 2019-03-12T09:00)
      re: new RegExp(
        `${DATE_START}${WEEKDAY}(\\d{4})([/.\\-])(\\d{1,2})\\2(\\d{1,2})(?![\\p{N}]|[/.\\-]\\p{N}|(?!T)\\p{L})`,
        'gu',
      ),
      parts: (m) => [m[4]!, m[3]!, m[1]],
    },
    {
      // 12 March 2019, 12th of March, 2019, 12-Mar-19, 12 Mar. 2019
      re: new RegExp(
        `${DATE_START}${WEEKDAY}(\\d{1,2})${ORD}(?:\\s+of\\s+|[\\s\\-/.]*)(${MONTH_ALT})(?!\\p{L})\\.?(?:(?:,?\\s+|\\s*[\\-/.]\\s*)(\\d{4})(?!\\p{N})|[\\-/](\\d{2})(?!\\p{N}))?(?![\\p{L}\\p{N}])`,
        'giu',
      ),
      parts: (m) => [m[1]!, m[2]!, m[3] ?? m[4]],
    },
    {
      // March 12, 2019, March 12th 2019
      re: new RegExp(
        `${DATE_START}${WEEKDAY}(${MONTH_ALT})(?!\\p{L})\\.?[\\s\\-]+(\\d{1,2})${ORD}(?:,?\\s+(\\d{4})(?!\\p{N}))?(?![\\p{L}\\p{N}])`,
        'giu',
      ),
      parts: (m) => [m[2]!, m[1]!, m[3]],
    },
  ];

export type DateMatch = DateValue & { start: number; end: number };

function daysIn(month: number, year: number | null): number {
  if (month === 2)
    return year === null || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Dates written in common UK forms, day before month for numeric dates. With `requireYear: false`
 * also "12 March" and "March 12th" (used by the scan near "born" or "DOB"). Years alone, times and
 * month-and-year are never dates here.
 */
export function findDates(text: string, { requireYear = true } = {}): DateMatch[] {
  const found: DateMatch[] = [];
  for (const { re, parts } of DATE_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const [d, mo, y] = parts(m);
      const day = Number(d);
      const month = /^\d+$/.test(mo) ? Number(mo) : (MONTHS[mo.toLowerCase()] ?? 0);
      const yearDigits = y === undefined ? 0 : y.length === 4 ? 4 : 2;
      if (yearDigits === 0 && requireYear) continue;
      const year = y === undefined ? null : Number(y);
      if (month < 1 || month > 12 || day < 1) continue;
      if (day > daysIn(month, yearDigits === 4 ? year : null)) continue;
      // A date without a year ending in a full stop ("on 4 June."): the stop belongs to the sentence.
      const end = m.index! + m[0].length - (yearDigits === 0 && m[0].endsWith('.') ? 1 : 0);
      found.push({ start: m.index!, end, day, month, year, yearDigits });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: DateMatch[] = [];
  for (const d of found) if (!out.length || d.start >= out.at(-1)!.end) out.push(d);
  return out;
}

/** A register value that is exactly one date (with its year). */
export function parseDate(value: string): DateValue | null {
  const v = value.trim();
  const [d, ...rest] = findDates(v);
  if (!d || rest.length || d.start !== 0 || d.end !== v.length) return null;
  return { day: d.day, month: d.month, year: d.year, yearDigits: d.yearDigits };
}

function sameDate(a: DateValue, b: DateValue): boolean {
  if (a.day !== b.day || a.month !== b.month || a.year === null || b.year === null) return false;
  return a.yearDigits === 4 && b.yearDigits === 4 ? a.year === b.year : a.year % 100 === b.year % 100;
}

function formatDate(d: DateValue): string {
  const name = MONTH_NAME[d.month - 1]!;
  return `${d.day} ${name.charAt(0).toUpperCase()}${name.slice(1)} ${d.year ?? ''}`.trim();
}

// ---------------------------------------------------------------------------------------------
// Matching

/** Where a register form is found in a text, after choosing between overlapping forms. */
export type RegisterMatch = {
  start: number;
  end: number;
  match: string;
  /** Every entry the match could belong to (one, unless ambiguous). */
  entryIndexes: number[];
  /** What replaces it: the entry's replacement, or a neutral form naming every candidate. */
  replacement: string;
  ambiguous: boolean;
};

/** An entry a form belongs to, and whether the form is derived (see RegisterForm). */
type Member = { entryIndex: number; derived: boolean };
/** Who a match belongs to and what replaces it (see resolveMembers). */
type Resolved = { entryIndexes: number[]; replacement: string; ambiguous: boolean };

/**
 * Who a match belongs to, from the entries of every form matched at the same place: a written form
 * beats a derived one; several entries with different replacements give a neutral form naming each.
 */
function resolveMembers(members: readonly Member[], entries: readonly RegisterEntry[]): Resolved {
  const pool = members.some((m) => !m.derived) ? members.filter((m) => !m.derived) : members;
  const entryIndexes = [...new Set(pool.map((m) => m.entryIndex))].sort((a, b) => a - b);
  const replacements = [...new Set(entryIndexes.map((e) => entries[e]!.replacement))];
  return {
    entryIndexes,
    replacement: replacements.length === 1 ? replacements[0]! : `[${replacements.join(' or ')}]`,
    ambiguous: replacements.length > 1,
  };
}

/** Where initials taken from token `pos` end: after a dot, unless a standalone "J.S." ends a sentence. */
function initialsEnd(text: string, end: number, standalone: boolean): number {
  if (text[end] !== '.') return end;
  if (standalone && /^\.(?:\s+[\p{Lu}\p{Lt}]|\s*$)/u.test(text.slice(end, end + 3))) return end;
  return end + 1;
}

/** Takes initials at token `pos`; returns the token after them and the end offset, or null. */
function takeInitials(
  text: string,
  tokens: WordReader,
  pos: number,
  piece: InitialsPiece,
): { pos: number; cursor: number } | null {
  const want = piece.folded;
  const caps = tokens.has(pos) ? tokens.capsAt(pos) : null;
  if (!caps) return null;
  // One token of capitals: "JM Smith", "J Smith".
  if ((!piece.standalone || want.length === 1) && caps.length === want.length) {
    let same = true;
    for (let i = 0; i < want.length; i++) if (caps[i] !== want[i]) same = false;
    if (same) return { pos: pos + 1, cursor: initialsEnd(text, tokens.endOf(pos), piece.standalone) };
  }
  if (want.length < 2) return null;
  // Single capitals with dots or hyphens (or, before a surname, spaces): "J.M.", "J. M.", "S-J", "J M".
  for (let i = 0; i < want.length; i++) {
    const letters = tokens.has(pos + i) ? tokens.capsAt(pos + i) : null;
    if (letters?.length !== 1 || letters[0] !== want[i]) return null;
    if (i > 0) {
      const raw = text.slice(tokens.endOf(pos + i - 1), tokens.startOf(pos + i));
      const marked = /^\.[ \u00A0]?$/u.test(raw) || /^\.?[-‐‑–]$/u.test(raw);
      if (!marked && (piece.standalone || !/^[ \u00A0]$/u.test(raw))) return null;
    }
  }
  const last = tokens.endOf(pos + want.length - 1);
  // Initials on their own need a dot after every letter ("J.S."), or "J. P" in "J. P 5" would match.
  if (piece.standalone && text[last] !== '.') return null;
  return { pos: pos + want.length, cursor: initialsEnd(text, last, piece.standalone) };
}

/** The end offset of `form` matched from token `i`, or -1. */
function matchForm(text: string, tokens: WordReader, i: number, form: RegisterForm): number {
  let pos = i;
  let cursor = tokens.startOf(i);
  let afterInitials = false;
  for (let k = 0; k < form.pieces.length; k++) {
    const piece = form.pieces[k]!;
    if (!tokens.has(pos)) return -1;
    if (k > 0) {
      const raw = text.slice(cursor, tokens.startOf(pos));
      if (
        afterInitials ? !/^\s*$/u.test(raw.replace(INVISIBLE_RE, '')) : !sepMatches(form.seps[k - 1]!, raw)
      ) {
        // A full stop after a short abbreviation is as good as a space: "St. Mary's" for "St Mary's".
        const prev = form.pieces[k - 1]!;
        const abbreviation = prev.kind === 'word' && prev.fold.length <= 3 && sepCore(raw) === '.';
        if (afterInitials || !abbreviation || form.seps[k - 1]!.kind !== 'space') return -1;
      }
    }
    if (piece.kind === 'word') {
      if (!tokens.foldIs(pos, piece.fold)) return -1;
      if (form.capitalOnly && !startsUpper(tokens.at(pos)!.text)) return -1;
      cursor = tokens.endOf(pos);
      pos++;
      afterInitials = false;
    } else {
      const taken = takeInitials(text, tokens, pos, piece);
      if (!taken) return -1;
      pos = taken.pos;
      cursor = taken.cursor;
      afterInitials = true;
    }
  }
  if (form.monthGuard) {
    const start = tokens.startOf(i);
    const end = tokens.endOf(i);
    if (/^[\s.,]*\d/u.test(text.slice(end, end + 4))) return -1;
    if (/\d(?:st|nd|rd|th)?(?:\s+of)?[\s\-/.]*$/iu.test(text.slice(Math.max(0, start - 8), start))) return -1;
  }
  return cursor;
}

/**
 * The index key of a form: its first word ('w:smith'); for a form that begins with initials, the
 * first initial and the first word after them ('i:j:smith'); for initials alone, the first two
 * letters ('s:js').
 */
function formKey(form: RegisterForm): string {
  const head = form.pieces[0]!;
  if (head.kind === 'word') return `w:${head.fold}`;
  const word = form.pieces.find((p) => p.kind === 'word');
  if (word?.kind === 'word') return `i:${head.folded[0]}:${word.fold}`;
  const next = form.pieces[1];
  return `s:${head.folded[0]}${head.folded[1] ?? (next?.kind === 'initials' ? next.folded[0] : '')}`;
}

/** Every word that may be a title, in any case (isTitleToken decides). */
const TITLE_WORDS = new Set([...TITLES_ANY_CASE, ...TITLES_CAPITAL]);

/**
 * Forms that match exactly the same text (same pieces, separators and rules), tried once for all of
 * them. `next` is the folded second word when the form starts with two words: the word after the
 * first must be it, so the form is not tried otherwise.
 */
type FormGroup = {
  form: RegisterForm;
  next: string | null;
  /** The hash of `next` when it is a plain word (see hashWord), else NOT_PLAIN. */
  nextHash: number;
  /** The folded word of a one-word form with no other rule: it matches that word wherever it is. */
  word: string | null;
  members: Member[];
  /** The members resolved, worked out the first time the group is matched alone at a place. */
  resolved: Resolved | undefined;
};

/** What decides where a form matches (see matchForm): its pieces, separators and rules, not its entry. */
function shapeOf(form: RegisterForm): string {
  return JSON.stringify([
    form.pieces.map((p) => (p.kind === 'word' ? p.fold : [p.folded, p.standalone])),
    form.seps.map((sep) => (sep.kind === 'exact' ? [sep.kind, sep.exact] : sep.kind)),
    form.capitalOnly,
    form.monthGuard,
  ]);
}

/** An index of forms (see formKey) with the forms under each key grouped by shape. */
function groupForms(index: Map<string, RegisterForm[]>): Map<string, FormGroup[]> {
  const grouped = new Map<string, FormGroup[]>();
  for (const [key, forms] of index) {
    const byShape = new Map<string, FormGroup>();
    for (const form of forms) {
      const shape = shapeOf(form);
      let group = byShape.get(shape);
      if (!group) {
        const [head, second] = form.pieces;
        const next = head?.kind === 'word' && second?.kind === 'word' ? second.fold : null;
        const nextHash = next !== null && isPlainFold(next) ? hashWord(next) : NOT_PLAIN;
        const alone =
          form.pieces.length === 1 && head?.kind === 'word' && !form.capitalOnly && !form.monthGuard;
        const word = alone ? head.fold : null;
        group = { form, next, nextHash, word, members: [], resolved: undefined };
        byShape.set(shape, group);
      }
      group.members.push({ entryIndex: form.entryIndex, derived: form.derived });
    }
    grouped.set(key, [...byShape.values()]);
  }
  return grouped;
}

/** The groups under `w:` keys (see formKey), by the folded word alone, so the common case builds no string. */
function byWord(index: Map<string, FormGroup[]>): Map<string, FormGroup[]> {
  const words = new Map<string, FormGroup[]>();
  for (const [key, groups] of index) if (key.startsWith('w:')) words.set(key.slice(2), groups);
  return words;
}

/**
 * What the matcher looks forms up in, made once per compiled register: both indexes grouped, by key
 * and by first word, and a filter of every word a match can start at (a first word, or a title) for
 * the scan of a text.
 */
type MatchIndex = {
  index: Map<string, FormGroup[]>;
  words: Map<string, FormGroup[]>;
  personIndex: Map<string, FormGroup[]>;
  personWords: Map<string, FormGroup[]>;
  /** The same for plain first words and titles, by their hash (see hashWord). */
  plainWords: Map<number, FirstWord[]>;
  filter: WordFilter;
  /** Every word that may follow initials in an `i:` key (see formKey), for forEachInitialsKey. */
  afterInitials: WordFilter;
};
/** What a word may begin: the groups starting with it, those of people, and whether it is a title. */
type FirstWord = {
  fold: string;
  groups: FormGroup[] | undefined;
  personGroups: FormGroup[] | undefined;
  title: boolean;
};

function plainWordsOf(
  words: Map<string, FormGroup[]>,
  personWords: Map<string, FormGroup[]>,
): Map<number, FirstWord[]> {
  const plain = new Map<number, FirstWord[]>();
  for (const fold of new Set([...words.keys(), ...TITLE_WORDS])) {
    if (!isPlainFold(fold)) continue;
    const first = {
      fold,
      groups: words.get(fold),
      personGroups: personWords.get(fold),
      title: TITLE_WORDS.has(fold),
    };
    push(plain, hashWord(fold), first);
  }
  return plain;
}

const matchIndexes = new WeakMap<CompiledRegister, MatchIndex>();
function matchIndexOf(compiled: CompiledRegister): MatchIndex {
  let found = matchIndexes.get(compiled);
  if (!found) {
    const index = groupForms(compiled.index);
    const personIndex = groupForms(compiled.personIndex);
    const words = byWord(index);
    // Every person form is also in the main index, so its first words are in `words` too.
    const personWords = byWord(personIndex);
    found = {
      index,
      words,
      personIndex,
      personWords,
      plainWords: plainWordsOf(words, personWords),
      filter: wordFilterOf([...words.keys(), ...TITLE_WORDS]),
      afterInitials: wordFilterOf(wordsAfterInitials(index.keys())),
    };
    matchIndexes.set(compiled, found);
  }
  return found;
}

/**
 * The words that follow the initial in `i:` keys: whatever follows any colon after "i:", so that no
 * key is missed whatever characters its parts hold.
 */
function* wordsAfterInitials(keys: Iterable<string>): Iterable<string> {
  for (const key of keys) {
    if (!key.startsWith('i:')) continue;
    for (let at = key.indexOf(':', 2); at >= 0; at = key.indexOf(':', at + 1)) yield key.slice(at + 1);
  }
}

/** Whether a word could be written in capitals: it does not start with a lower-case ASCII letter or a digit. */
const mayBeCapitals = (text: string, start: number) => {
  const c = text.charCodeAt(start);
  return !((c >= 97 && c <= 122) || (c >= 48 && c <= 57));
};

/** Calls `visit` with the key of each initials form that could match from token `pos` (see formKey). */
function forEachInitialsKey(
  tokens: WordReader,
  pos: number,
  afterInitials: WordFilter,
  visit: (key: string) => void,
): void {
  const caps = tokens.capsAt(pos);
  if (!caps || caps.length > 4) return;
  for (let k = 1; k <= 6 && tokens.has(pos + k); k++) {
    // A plain word that follows initials in no key needs no key made.
    const hash = tokens.hashAt(pos + k);
    if (hash !== NOT_PLAIN && !mayBeIn(afterInitials, hash)) continue;
    visit(`i:${caps[0]}:${tokens.at(pos + k)!.fold}`);
  }
  const second = caps[1] ?? (tokens.has(pos + 1) ? tokens.capsAt(pos + 1)?.[0] : undefined) ?? '';
  visit(`s:${caps[0]}`);
  if (second) visit(`s:${caps[0]}${second}`);
}

/**
 * Every register form in a text, overlaps resolved: leftmost first, then longest; at equal length a
 * written form beats a derived one; several entries left → ambiguous (see the file comment).
 *
 * Places are visited in order (the words a form may start at, and the dates of birth found), so a
 * place inside a match already taken is not tried at all.
 */
export function findRegisterMatches(text: string, compiled: CompiledRegister): RegisterMatch[] {
  const { index, words, personIndex, personWords, plainWords, filter, afterInitials } =
    matchIndexOf(compiled);
  const starts = findWordStarts(text, filter);
  // The words from the place being visited on (a form never looks back).
  const tokens = new WordReader(text, 0);
  const matches: RegisterMatch[] = [];
  let lastEnd = 0;

  // The forms found at the place being visited.
  let here: { end: number; members: readonly Member[]; group: FormGroup | null }[] = [];
  /** Takes the longest form found at `start`, unless a match already taken covers it. */
  const settle = (start: number) => {
    if (!here.length) return;
    let end = -1;
    for (const f of here) if (f.end > end) end = f.end;
    const longest = here.length === 1 ? here : here.filter((f) => f.end === end);
    here = [];
    if (start < lastEnd) return;
    const only = longest.length === 1 ? longest[0]!.group : null;
    if (only && !only.resolved) only.resolved = resolveMembers(only.members, compiled.entries);
    const resolved =
      only?.resolved ??
      resolveMembers(
        longest.flatMap((f) => f.members),
        compiled.entries,
      );
    matches.push({
      start,
      end,
      match: text.slice(start, end),
      entryIndexes: resolved.entryIndexes.slice(),
      replacement: resolved.replacement,
      ambiguous: resolved.ambiguous,
    });
    lastEnd = end;
  };

  const tryForms = (groups: FormGroup[] | undefined, pos: number) => {
    if (!groups) return;
    for (const group of groups) {
      let end: number;
      if (group.word !== null) {
        // What matchForm would do for a lone word.
        end = tokens.foldIs(pos, group.word) ? tokens.endOf(pos) : -1;
      } else {
        if (
          group.next !== null &&
          !(tokens.has(pos + 1) && tokens.foldIsHashed(pos + 1, group.next, group.nextHash))
        )
          continue;
        end = matchForm(text, tokens, pos, group.form);
      }
      if (end >= 0) here.push({ end, members: group.members, group });
    }
  };
  /** What the word at `pos` may begin (see FirstWord), made without a Token for a plain word. */
  const firstWord = (pos: number): FirstWord | undefined => {
    const hash = tokens.hashAt(pos);
    if (hash !== NOT_PLAIN) return plainWords.get(hash)?.find((w) => tokens.foldIs(pos, w.fold));
    const fold = tokens.at(pos)!.fold;
    return {
      fold,
      groups: words.get(fold),
      personGroups: personWords.get(fold),
      title: TITLE_WORDS.has(fold),
    };
  };
  const formsAt = (person: boolean, pos: number, first = firstWord(pos)) => {
    tryForms(person ? first?.personGroups : first?.groups, pos);
    if (mayBeCapitals(text, tokens.startOf(pos))) {
      const keys = person ? personIndex : index;
      forEachInitialsKey(tokens, pos, afterInitials, (key) => tryForms(keys.get(key), pos));
    }
  };

  const dates = compiled.dates.length ? findDates(text) : [];
  let d = 0;
  const addDate = (date: DateMatch) => {
    const members: Member[] = [];
    for (const dob of compiled.dates)
      if (sameDate(date, dob)) members.push({ entryIndex: dob.entryIndex, derived: false });
    if (members.length) here.push({ end: date.end, members, group: null });
  };

  for (const start of starts) {
    for (; d < dates.length && dates[d]!.start < start; d++) {
      addDate(dates[d]!);
      settle(dates[d]!.start);
    }
    if (d < dates.length && dates[d]!.start === start) addDate(dates[d++]!);
    if (start >= lastEnd) {
      tokens.restart(start);
      tokens.has(0);
      const first = firstWord(0);
      formsAt(false, 0, first);
      if (first?.title) {
        // Up to three titles before a person's name: "Mrs Smith", "Det. Sgt. Jones", "Dr J. Smith".
        let p = 0;
        for (let n = 0; n < 3 && tokens.at(p + 1) && isTitleToken(tokens.at(p)!); n++) {
          if (afterTitle(text, tokens.at(p)!, tokens.at(p + 1)!) < 0) break;
          p++;
          formsAt(true, p);
        }
      }
    }
    settle(start);
  }
  for (; d < dates.length; d++) {
    addDate(dates[d]!);
    settle(dates[d]!.start);
  }
  return matches;
}

// ---------------------------------------------------------------------------------------------
// Pseudonymising

export type AmbiguousMatch = {
  match: string;
  /** Offsets in the original text. */
  start: number;
  end: number;
  entryIndexes: number[];
  /** The neutral form put in its place. */
  replacement: string;
};

export type PseudonymiseResult = {
  text: string;
  /** Every place replaced, ambiguous ones included. */
  replacements: number;
  /** Places replaced for each entry (by index in the register); ambiguous places are not counted here. */
  byEntry: Map<number, number>;
  /** Places where a shared name could not be put down to one entry. */
  ambiguous: AmbiguousMatch[];
};

const POSSESSIVE_APOSTROPHE = new RegExp(`^[${APOSTROPHES}](?=[ \\t\\u00A0]+[\\p{L}\\p{N}])`, 'u');

/** Whether a string ends in "s" in any case (`/s$/iu`, which also takes the long s "ſ"), asked per match. */
function endsWithS(s: string): boolean {
  const c = s.charCodeAt(s.length - 1);
  if (c === 115 || c === 83) return true;
  if (c < 128) return false;
  return /s$/iu.test(s);
}

/** Replaces every register form in `text` with its replacement, in one pass. */
export function pseudonymise(text: string, register: readonly RegisterEntry[]): PseudonymiseResult {
  return pseudonymiseWith(text, compileRegister(register));
}

/** The same as `pseudonymise`, with a register compiled once for many texts (`compileRegister`). */
export function pseudonymiseWith(text: string, compiled: CompiledRegister): PseudonymiseResult {
  const matches = findRegisterMatches(text, compiled);
  const byEntry = new Map<number, number>();
  const ambiguous: AmbiguousMatch[] = [];
  let out = '';
  let last = 0;
  for (const m of matches) {
    let replacement = m.replacement;
    let end = m.end;
    // "Jones' house": the apostrophe alone is a possessive; write it to suit the replacement.
    const apostrophe = endsWithS(m.match) ? text.slice(end, end + 16).match(POSSESSIVE_APOSTROPHE) : null;
    if (apostrophe) {
      replacement += endsWithS(replacement) ? apostrophe[0] : `${apostrophe[0]}s`;
      end += apostrophe[0].length;
    }
    out += text.slice(last, m.start) + replacement;
    last = end;
    if (m.ambiguous) {
      ambiguous.push({
        match: m.match,
        start: m.start,
        end: m.end,
        entryIndexes: m.entryIndexes,
        replacement: m.replacement,
      });
    } else if (m.entryIndexes.length === 1) {
      const e = m.entryIndexes[0]!;
      byEntry.set(e, (byEntry.get(e) ?? 0) + 1);
    }
  }
  out += text.slice(last);
  return { text: out, replacements: matches.length, byEntry, ambiguous };
}
