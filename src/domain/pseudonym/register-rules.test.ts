import { describe, expect, it } from 'vitest';
import type { PseudonymCategory } from './register.ts';
import { registerChangeCounts, registerProblems, sameValueKey } from './register-rules.ts';

const entry = (
  category: PseudonymCategory,
  realValue: string,
  replacement: string,
  variants: string[] = [],
) => ({
  category,
  realValue,
  replacement,
  variants,
});

describe('the pseudonym register rules', () => {
  it('compares names regardless of case, accents, spacing, hyphens and apostrophes', () => {
    expect(sameValueKey('  Jane   SMITH ')).toBe('jane smith');
    expect(sameValueKey('O’Brien')).toBe(sameValueKey("o'brien"));
    expect(sameValueKey('Zoë Mary-Jane')).toBe(sameValueKey('zoe mary jane'));
    expect(sameValueKey(' ?? ')).toBe('');
  });

  it('accepts a register with no repeats and clean replacements', () => {
    expect(
      registerProblems([
        entry('child', 'Jane Smith', 'Child A', ['Janey']),
        entry('family_member', 'Tom Smith', 'Child A’s father'),
        entry('address', '14 Leyton Road', 'the family home'),
        entry('place', 'Preston', 'a town in the north west'),
        entry('date_of_birth', '12 March 2019', 'aged 4'),
      ]),
    ).toEqual([]);
  });

  it('names a real value given twice on the later row, pointing at the first', () => {
    expect(
      registerProblems([
        entry('family_member', 'Tom Brown', 'Adult M'),
        entry('child', 'Jane Smith', 'Child A'),
        entry('child', 'jane  smith', 'Child B'),
      ]),
    ).toEqual([{ path: 'entries.2.realValue', message: 'jane  smith is already in the register (row 2)' }]);
  });

  it('names only the real name of a repeated row, not its other spellings too', () => {
    expect(
      registerProblems([
        entry('child', 'Jane Smith', 'Child A', ['Janey']),
        entry('child', 'Jane Smith', 'Child B', ['Janey']),
      ]),
    ).toEqual([{ path: 'entries.1.realValue', message: 'Jane Smith is already in the register (row 1)' }]);
  });

  it('refuses an other spelling that is another entry’s real name or other spelling', () => {
    expect(
      registerProblems([
        entry('child', 'Jane Smith', 'Child A', ['Janey']),
        entry('family_member', 'Janet Smith', 'Adult F', ['Janey']),
      ]),
    ).toEqual([{ path: 'entries.1.variants.0', message: 'Janey is already in the register (row 1)' }]);
  });

  it('ignores an entry repeating its own name among its other spellings', () => {
    expect(registerProblems([entry('child', 'Jane Smith', 'Child A', ['jane smith'])])).toEqual([]);
  });

  it('refuses a replacement that the pseudonymiser would still find a name in', () => {
    const problems = registerProblems([
      entry('child', 'Jane Smith', 'Child A', ['Janey']),
      entry('family_member', 'Tom Brown', 'Janey’s stepfather'),
      entry('address', 'Leyton Road', 'Leyton Road, a street'),
      entry('practitioner', 'Sam Patel', 'Dr Patel’s colleague'),
    ]);
    expect(problems.map((p) => p.path)).toEqual([
      'entries.1.replacement',
      'entries.2.replacement',
      'entries.3.replacement',
    ]);
    expect(problems[0]?.message).toMatch(
      /^The replacement would still identify someone: it contains Janey \(row 1\)\. Use a pseudonym/,
    );
    expect(problems[1]?.message).toMatch(/contains Leyton Road \(this row\)/);
    expect(problems[2]?.message).toMatch(/contains Dr Patel \(this row\)/);
  });

  it('counts what a change added, removed and changed, by real name', () => {
    const before = [
      { ...entry('child', 'Jane Smith', 'Child A'), note: null },
      { ...entry('family_member', 'Tom Smith', 'Father'), note: null },
      { ...entry('place', 'Preston', 'a town'), note: null },
    ];
    const after = [
      { ...entry('child', 'jane smith', 'Child A'), note: null },
      { ...entry('family_member', 'Tom Smith', 'Adult M'), note: null },
      { ...entry('address', 'Leyton Road', 'the family home'), note: null },
    ];
    expect(registerChangeCounts(before, after)).toEqual({ added: 1, removed: 1, changed: 1 });
  });
});
