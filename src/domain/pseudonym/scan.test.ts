import { describe, expect, it } from 'vitest';
import { pseudonymise } from './pseudonymise.ts';
import type { RegisterEntry } from './register.ts';
import { type HitKind, isValidNhsNumber, scanIdentifiers, withinOneEdit } from './scan.ts';

const entry = (
  category: RegisterEntry['category'],
  realValue: string,
  replacement: string,
  variants: string[] = [],
): RegisterEntry => ({ category, realValue, replacement, variants });

const found = (text: string, register: RegisterEntry[] = [], kind?: HitKind) =>
  scanIdentifiers(text, register)
    .filter((h) => !kind || h.kind === kind)
    .map((h) => h.match);

describe('scanIdentifiers: register forms', () => {
  const register = [
    entry('child', 'Jane Mary Smith', 'Child A'),
    entry('family_member', 'Karen Smith', 'Mother'),
    entry('date_of_birth', '12/03/2019', 'spring 2019'),
  ];

  it('reports every surviving form, as the pseudonymiser would replace it, with its entry', () => {
    const hits = scanIdentifiers(
      'Jane’s mum Karen, J.M. Smith, then Mrs Smith. DOB 12 March 2019.',
      register,
    );
    expect(hits.map((h) => [h.kind, h.match, h.entryIndexes])).toEqual([
      ['register', 'Jane', [0]],
      ['register', 'Karen', [1]],
      ['register', 'J.M. Smith', [0]],
      ['register', 'Mrs Smith', [0, 1]],
      ['register', '12 March 2019', [2]],
    ]);
    expect(hits[0]).toMatchObject({ start: 0, end: 4, entryIndex: 0 });
  });

  it('does not report a name inside a longer word', () => {
    expect(found('Annual review; Smithson; Janet', register, 'register')).toEqual([]);
  });

  it('finds nothing of the register once the text is pseudonymised', () => {
    const text = 'Jane Smith, Karen, J.S., Mrs Smith and the Smiths; born 12.03.19.';
    const { text: out } = pseudonymise(text, register);
    expect(found(out, register, 'register')).toEqual([]);
  });

  it('gives about 40 characters of context either side', () => {
    const text = `${'x'.repeat(60)} Jane ${'y'.repeat(60)}`;
    const [hit] = scanIdentifiers(text, register);
    expect(hit!.context).toBe(`…${'x'.repeat(39)} Jane ${'y'.repeat(39)}…`);
    expect(scanIdentifiers('Jane\nleft', register)[0]!.context).toBe('Jane left');
  });
});

describe('scanIdentifiers: postcodes', () => {
  it.each([
    'SW1A 1AA',
    'sw1a 1aa',
    'SW1A1AA',
    'M1 1AE',
    'B33 8TH',
    'CR2 6XH',
    'DN55 1PT',
    'EC1A 1BB',
    'W1A 0AX',
    'GIR 0AA',
  ])('finds %s', (postcode) => {
    expect(found(`lived at ${postcode}, then moved`, [], 'postcode')).toEqual([postcode]);
  });

  it('ignores codes inside words, part postcodes, years and mixed case', () => {
    expect(found('B12 vitamins, the A14, SW1A, 2019, XSW1A 1AA, Sw1a 1aa, M11AE9', [], 'postcode')).toEqual(
      [],
    );
  });
});

describe('scanIdentifiers: phone numbers', () => {
  it.each([
    '07700 900123',
    '07700900123',
    '0770 090 0123',
    '07700-900-123',
    '+44 7700 900123',
    '+447700900123',
    '+44 (0)7700 900123',
    '0044 7700 900123',
    '020 7946 0123',
    '(020) 7946 0123',
    '0113 496 0000',
    '01632 960123',
    '(01632) 960123',
    '016977 4567',
    '0300 123 4567',
  ])('finds %s', (phone) => {
    expect(found(`call ${phone} today`, [], 'phone')).toEqual([phone]);
  });

  it('ignores references, times, dates and other number runs', () => {
    const text =
      'Ref 07123456789012, case LA/2019/07123456789, 0712-3456-7890-12, at 07.30, on 01.02.2019, 0800 123 4567, 123456789, 0161 234';
    expect(found(text, [], 'phone')).toEqual([]);
  });
});

describe('scanIdentifiers: email addresses', () => {
  it('finds email addresses', () => {
    expect(found('email jane.smith+school@example.org.uk or J_S@nhs.net.', [], 'email')).toEqual([
      'jane.smith+school@example.org.uk',
      'J_S@nhs.net',
    ]);
    expect(found('meet @ 10, user@localhost, a@b', [], 'email')).toEqual([]);
  });
});

describe('scanIdentifiers: NHS numbers', () => {
  it('checks the modulus 11 check digit', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('9434765910')).toBe(false);
    expect(isValidNhsNumber('4010232137')).toBe(true);
    // The check comes to 10: never a valid number.
    expect(isValidNhsNumber('0000000060')).toBe(false);
    expect(isValidNhsNumber('943476591')).toBe(false);
  });

  it('finds valid numbers grouped 3-3-4 or not', () => {
    expect(found('NHS 943 476 5919, 943-476-5919, 9434765919', [], 'nhs_number')).toEqual([
      '943 476 5919',
      '943-476-5919',
      '9434765919',
    ]);
  });

  it('ignores ten digits that fail the check, and longer runs', () => {
    expect(found('ref 943 476 5910, 94347659190, 1943 476 5919, 943 4765 919', [], 'nhs_number')).toEqual([]);
  });
});

describe('scanIdentifiers: dates of birth', () => {
  it.each([
    ['born on 3rd May 2016', '3rd May 2016'],
    ['was born 12/03/2019 at home', '12/03/2019'],
    ['DOB: 12.03.19', '12.03.19'],
    ['D.O.B. 4 June.', '4 June'],
    ['date of birth is 2019-03-12', '2019-03-12'],
    ['Her birthday is on 12th March', '12th March'],
    ['Jane (12/03/2019, DOB)', '12/03/2019'],
  ])('finds the date in "%s"', (text, date) => {
    expect(found(text, [], 'date_of_birth')).toEqual([date]);
  });

  it('ignores dates far from or without a birth marker, years and times', () => {
    expect(
      found(
        'Seen on 12/03/2019 at 10:30. Born in 2019. DOB not known. The visit on 14 May 2019 was after she was born and a long time after it, on 3 June 2019.',
        [],
        'date_of_birth',
      ),
    ).toEqual([]);
  });
});

describe('scanIdentifiers: name-like text', () => {
  const register = [entry('child', 'Jane Smith', 'Child A'), entry('family_member', 'Bob Evans', 'Mr X')];

  it('reports a title before a capitalised word that is not a replacement', () => {
    expect(
      found('Seen by Dr Brown, MRS KHAN and Det. Sgt. Patel; Mr X and Mrs A agreed.', register, 'name_like'),
    ).toEqual(['Dr Brown', 'MRS KHAN', 'Det. Sgt. Patel']);
  });

  it('reports undotted initials of someone in the register', () => {
    expect(
      scanIdentifiers('JS and BE met the SW.', register).map((h) => [h.kind, h.match, h.entryIndexes]),
    ).toEqual([
      ['name_like', 'JS', [0]],
      ['name_like', 'BE', [1]],
    ]);
  });

  it('reports a capitalised word one letter away from a name: a likely misspelling or nickname', () => {
    const people = [
      entry('child', 'Jane Smith', 'Child A'),
      entry('family_member', 'Roberta Evans', 'Robert'),
    ];
    expect(
      scanIdentifiers(
        'Jayne, Janie, Smyth, Simth and Evens met Robert. Jane, Jan, Smithson, Annual, jayne.',
        people,
      )
        .filter((h) => h.kind === 'name_like')
        .map((h) => [h.match, h.entryIndexes]),
    ).toEqual([
      ['Jayne', [0]],
      ['Janie', [0]],
      ['Smyth', [0]],
      ['Simth', [0]],
      ['Evens', [1]],
    ]);
  });

  it('looks only for a letter added or dropped in names that are ordinary words', () => {
    const people = [entry('family_member', 'Jim Brown', 'Father'), entry('child', 'Lily Evans', 'Child A')];
    expect(found('the Crown Court; Lilly and Lila', people, 'name_like')).toEqual(['Lilly']);
  });

  it('checks one edit exactly', () => {
    expect(withinOneEdit('jane', 'jayne')).toBe(true);
    expect(withinOneEdit('smith', 'smyth')).toBe(true);
    expect(withinOneEdit('smith', 'simth')).toBe(true);
    expect(withinOneEdit('smith', 'smiht')).toBe(true);
    expect(withinOneEdit('smith', 'smithy')).toBe(true);
    expect(withinOneEdit('smith', 'mith')).toBe(true);
    expect(withinOneEdit('smith', 'smote')).toBe(false);
    expect(withinOneEdit('abcd', 'bcda')).toBe(false);
    expect(withinOneEdit('jane', 'janeyy')).toBe(false);
  });

  it('does not report again what is already a register hit', () => {
    expect(scanIdentifiers('Mrs Smith', register).map((h) => h.kind)).toEqual(['register']);
    const address = [entry('address', '12 Acacia Avenue, AB1 2CD', 'the family home')];
    expect(scanIdentifiers('12 Acacia Avenue, AB1 2CD', address).map((h) => h.kind)).toEqual(['register']);
  });
});
