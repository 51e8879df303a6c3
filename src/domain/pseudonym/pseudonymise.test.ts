import { describe, expect, it } from 'vitest';
import { findDates, namesIn, parseDate, pseudonymise } from './pseudonymise.ts';
import type { RegisterEntry } from './register.ts';

const entry = (
  category: RegisterEntry['category'],
  realValue: string,
  replacement: string,
  variants: string[] = [],
): RegisterEntry => ({ category, realValue, replacement, variants });

const jane = entry('child', 'Jane Smith', 'Child A');
const run = (text: string, register: RegisterEntry[] = [jane]) => pseudonymise(text, register).text;

describe('pseudonymise: the written forms', () => {
  it('replaces the real value and every variant, in any case', () => {
    const register = [entry('child', 'Jane Smith', 'Child A', ['Janey', 'Jane Jones'])];
    expect(run('Jane Smith, JANE SMITH, jane smith, Janey and JANE JONES.', register)).toBe(
      'Child A, Child A, Child A, Child A and Child A.',
    );
  });

  it('matches a multi-word name across any whitespace, line breaks included', () => {
    expect(run('Seen: Jane\nSmith, Jane  \t Smith, Jane\r\n  Smith, Jane\u00A0Smith.')).toBe(
      'Seen: Child A, Child A, Child A, Child A.',
    );
  });

  it('treats hyphens and spaces alike, and a hyphenated name written solid', () => {
    const register = [entry('child', 'Mary-Jane Smith', 'Child A')];
    for (const text of [
      'Mary-Jane Smith',
      'Mary Jane Smith',
      'Mary–Jane Smith',
      'Maryjane Smith',
      'Mary-\nJane Smith',
    ]) {
      expect(run(text, register)).toBe('Child A');
    }
  });

  it('matches straight and curly apostrophes, a space, or none, inside a name', () => {
    const register = [entry('family_member', "Sean O'Brien", 'Father')];
    for (const text of ["Sean O'Brien", 'Sean O’Brien', 'Sean O Brien', 'Sean OBrien', 'SEAN O‘BRIEN']) {
      expect(run(text, register)).toBe('Father');
    }
  });

  it('only replaces whole words: a name inside a longer word is left alone', () => {
    const register = [entry('practitioner', 'Ann Smith', 'the social worker')];
    expect(run('Ann went to the Annual review with Smithson and Annabel; Ann2 and Smith.', register)).toBe(
      'the social worker went to the Annual review with Smithson and Annabel; Ann2 and the social worker.',
    );
  });

  it('counts words in any script, so accented and non-Latin letters join a word', () => {
    const register = [entry('child', 'Zoe', 'Child B')];
    expect(run('Zoë, ZOË, Zoe, Zoeé and Zoe’s brother', register)).toBe(
      'Child B, Child B, Child B, Zoeé and Child B’s brother',
    );
  });

  it('finds a name in a script written without spaces by its characters in order', () => {
    const register = [entry('family_member', '王伟', 'Father'), entry('child', 'ソラ', 'Child A')];
    expect(run('王伟说ソラは王さん', register)).toBe('Father说Child Aは王さん');
  });

  it('sees through invisible characters pasted from a word processor', () => {
    expect(run('Ja\u00ADne Smi\u200Bth')).toBe('Child A');
  });

  it('keeps the possessive on the replacement', () => {
    expect(run("Jane's coat, Jane’s bag, SMITH'S car")).toBe("Child A's coat, Child A’s bag, Child A'S car");
  });

  it('rewrites a possessive written with an apostrophe alone to suit the replacement', () => {
    const register = [
      entry('practitioner', 'Ann Jones', 'Child A'),
      entry('family_member', 'Bob Evans', 'the Jameses'),
    ];
    expect(run("Jones' house and Jones’ car; Evans' dog", register)).toBe(
      "Child A's house and Child A’s car; the Jameses' dog",
    );
    // A closing quote at the end of a clause is not a possessive.
    expect(run("she said 'ask Jones'.", register)).toBe("she said 'ask Child A'.");
  });

  it('is one pass: a replacement is never replaced again', () => {
    const register = [entry('child', 'Ann', 'Beth'), entry('child', 'Beth', 'Child B')];
    expect(run('Ann and Beth', register)).toBe('Beth and Child B');
  });

  it('takes the longest match', () => {
    const register = [entry('place', 'Acacia', 'the estate'), entry('place', 'Acacia Avenue', 'the street')];
    expect(run('Acacia Avenue is on Acacia', register)).toBe('the street is on the estate');
  });

  it('leaves text alone when the register is empty or nothing matches', () => {
    const text = 'The health visitor saw the family on 12 March 2019.';
    expect(pseudonymise(text, [])).toEqual({ text, replacements: 0, byEntry: new Map(), ambiguous: [] });
    expect(run(text)).toBe(text);
  });

  it('counts replacements, by entry', () => {
    const register = [jane, entry('practitioner', 'Ann Jones', 'the health visitor')];
    const result = pseudonymise('Jane Smith, Jane, Ann Jones and Jones', register);
    expect(result.replacements).toBe(4);
    expect(result.byEntry).toEqual(
      new Map([
        [0, 2],
        [1, 2],
      ]),
    );
  });
});

describe('pseudonymise: people', () => {
  it('replaces the first name and the surname on their own', () => {
    expect(run('Jane said that Smith had left. SMITH returned.')).toBe(
      'Child A said that Child A had left. Child A returned.',
    );
  });

  it('replaces middle names, first + surname, and first + middle initial + surname', () => {
    const register = [entry('child', 'Jane Mary Smith', 'Child A')];
    expect(run('Jane Mary Smith, Jane Smith, Mary, Jane M. Smith and Jane M Smith', register)).toBe(
      'Child A, Child A, Child A, Child A and Child A',
    );
  });

  it('replaces initials before the surname', () => {
    const register = [entry('child', 'Jane Mary Smith', 'Child A')];
    for (const text of [
      'J. Smith',
      'J Smith',
      'J.Smith',
      'J.M. Smith',
      'J. M. Smith',
      'JM Smith',
      'J M Smith',
    ]) {
      expect(run(text, register)).toBe('Child A');
    }
    // Someone else's initial is not absorbed (the surname still is).
    expect(run('K. Smith', register)).toBe('K. Child A');
  });

  it('replaces dotted initials on their own, but not undotted capitals', () => {
    const register = [entry('child', 'Jane Mary Smith', 'Child A')];
    expect(run('J.S. said, J. S. said, J.M.S. said', register)).toBe(
      'Child A said, Child A said, Child A said',
    );
    expect(run('JS and JMS and SW, J.S and J. S', register)).toBe('JS and JMS and SW, J.S and J. S');
    expect(run('Seen by J.S. The next day', register)).toBe('Seen by Child A. The next day');
    expect(run('Seen by J.S.', register)).toBe('Seen by Child A.');
  });

  it('replaces initials of each half of a hyphenated name', () => {
    const register = [entry('child', 'Lily-Mae Smith-Jones', 'Child L')];
    expect(run('L.M.S-J., L.M.S.J., L.S., LM Smith-Jones, L.M. Jones, L. Smith-Jones', register)).toBe(
      'Child L, Child L, Child L, Child L, Child L, Child L',
    );
  });

  it('takes a full stop after a short abbreviation for a space', () => {
    const register = [entry('school', "St Mary's Primary School", 'the primary school')];
    expect(run('St. Mary’s Primary School and St Marys Primary School', register)).toBe(
      'the primary school and the primary school',
    );
    expect(run('saw Jane. Smith left')).toBe('saw Child A. Child A left');
  });

  it('replaces "Surname, First" and the family by its surname in the plural', () => {
    expect(run('Smith, Jane (child). The Smiths moved.')).toBe('Child A (child). The Child A moved.');
    const register = [entry('family_member', 'Bob Jones', 'Father')];
    expect(run('the Joneses', register)).toBe('the Father');
  });

  it('catches a possessive written without its apostrophe', () => {
    expect(run('Janes mum and Smiths car')).toBe('Child A mum and Child A car');
    // ...but not an ordinary word made from a common name.
    expect(run('the wills were read; Wills said', [entry('family_member', 'Will Brown', 'Father')])).toBe(
      'the wills were read; Father said',
    );
  });

  it('reads a name written surname first in the register', () => {
    const register = [entry('child', 'Smith, Jane Mary', 'Child A')];
    expect(run('Smith, Jane Mary; Jane Mary Smith; J. Smith; Jane', register)).toBe(
      'Child A; Child A; Child A; Child A',
    );
  });

  it('drops a title before any form of the name', () => {
    const register = [entry('practitioner', 'Ann Jones', 'the health visitor')];
    for (const text of [
      'Mrs Jones',
      'Mrs. Jones',
      'mrs jones',
      'Dr A. Jones',
      'Ms Ann Jones',
      'Det. Sgt. Jones',
      'DC Jones',
    ]) {
      expect(run(text, register)).toBe('the health visitor');
    }
    expect(run("Nurse Jones's notes", register)).toBe("the health visitor's notes");
  });

  it('keeps ordinary words that are only titles when capitalised', () => {
    const register = [entry('child', 'Jane Smith', 'Child B')];
    expect(run('her sister Jane and the nurse Smith', register)).toBe(
      'her sister Child B and the nurse Child B',
    );
  });

  it('accepts a title written in the register', () => {
    const register = [entry('practitioner', 'Dr Patel', 'the GP')];
    expect(run('Dr Patel, Dr. Patel and Patel', register)).toBe('the GP, the GP and the GP');
  });

  it('does not take a name for a title', () => {
    const register = [
      entry('family_member', 'Di Jones', 'Grandmother'),
      entry('practitioner', 'DI Khan', 'the detective'),
    ];
    expect(run('Di said; DI Khan and Khan agreed', register)).toBe(
      'Grandmother said; the detective and the detective agreed',
    );
  });

  it('replaces a middle initial written in the register, dotted or not', () => {
    const register = [entry('child', 'Jane M Smith', 'Child A')];
    expect(run('Jane M. Smith and Jane M Smith', register)).toBe('Child A and Child A');
  });

  it('keeps name particles in the surname but not on their own', () => {
    const register = [entry('family_member', 'Anna van der Berg', 'Mother')];
    expect(run('Anna van der Berg, Mrs van der Berg, Berg and the van', register)).toBe(
      'Mother, Mother, Mother and the van',
    );
    // A capitalised first name that is also a particle elsewhere is a name.
    expect(run('Ben said', [entry('family_member', 'Ben Evans', 'Father')])).toBe('Father said');
  });

  it('matches a common word only with a capital letter, and a month name not in a date', () => {
    const register = [
      entry('family_member', 'Will Brown', 'Father'),
      entry('family_member', 'May Green', 'Mother'),
    ];
    expect(run('Will said he will go; Brown and brown bread.', register)).toBe(
      'Father said he will go; Father and brown bread.',
    );
    expect(run('May said you may visit in May 2019, on 5 May and on May 5.', register)).toBe(
      'Mother said you may visit in May 2019, on 5 May and on May 5.',
    );
  });

  it('replaces a shared name part with a neutral form and reports it', () => {
    const register = [
      entry('child', 'Jane Smith', 'Child A'),
      entry('family_member', 'Karen Smith', 'Mother'),
      entry('family_member', 'Smithy', 'Uncle'),
    ];
    const result = pseudonymise('Jane Smith and Karen Smith. Mrs Smith said Smith was out.', register);
    expect(result.text).toBe('Child A and Mother. [Child A or Mother] said [Child A or Mother] was out.');
    expect(result.ambiguous).toEqual([
      { match: 'Mrs Smith', start: 28, end: 37, entryIndexes: [0, 1], replacement: '[Child A or Mother]' },
      { match: 'Smith', start: 43, end: 48, entryIndexes: [0, 1], replacement: '[Child A or Mother]' },
    ]);
    expect(result.replacements).toBe(4);
    expect(result.byEntry).toEqual(
      new Map([
        [0, 1],
        [1, 1],
      ]),
    );
  });

  it('prefers a name written in the register over a part of another name', () => {
    const register = [entry('child', 'Jane Smith', 'Child A'), entry('family_member', 'Smith', 'the family')];
    expect(run('Smith and Jane', register)).toBe('the family and Child A');
  });

  it('is not ambiguous where every candidate has the same replacement', () => {
    const register = [
      entry('practitioner', 'Ann Jones', 'the social worker'),
      entry('practitioner', 'Bob Jones', 'the social worker'),
    ];
    const result = pseudonymise('Jones called.', register);
    expect(result.text).toBe('the social worker called.');
    expect(result.ambiguous).toEqual([]);
  });

  it('does not split names of places, schools or other identifiers into parts', () => {
    const register = [entry('school', 'Oakfield Primary', 'the primary school')];
    expect(run('Oakfield Primary and Oakfield', register)).toBe('the primary school and Oakfield');
  });

  it('replaces the parts of an address that name a place on their own', () => {
    const register = [entry('address', '12 Acacia Avenue, High Street, Anytown, AB1 2CD', 'the family home')];
    expect(
      run(
        '12 Acacia Avenue; Acacia Avenue; AB1 2CD; 12 Acacia Avenue,\nHigh Street, Anytown, AB1 2CD',
        register,
      ),
    ).toBe('the family home; the family home; the family home; the family home');
    expect(run('the High Street in Anytown', register)).toBe('the High Street in Anytown');
  });
});

describe('pseudonymise: dates of birth', () => {
  const dob = entry('date_of_birth', '12/03/2019', 'spring 2019');
  const forms = [
    '12/03/2019',
    '12/3/2019',
    '12.03.2019',
    '12-03-2019',
    '12/03/19',
    '12 March 2019',
    '12th March 2019',
    '12th of March 2019',
    '12 Mar 2019',
    '12 Mar. 2019',
    '12-Mar-19',
    '12 MARCH 2019',
    'March 12, 2019',
    'March 12th 2019',
    '2019-03-12',
    'Tuesday 12 March 2019',
    'Tue, 12/03/2019',
  ];

  it.each(forms)('recognises %s', (text) => {
    expect(run(`born ${text}.`, [dob])).toBe('born spring 2019.');
  });

  it('reads the register value in any of those forms', () => {
    for (const value of ['12 March 2019', '2019-03-12', 'March 12, 2019', '12.03.2019']) {
      expect(run('born 12/03/2019', [entry('date_of_birth', value, 'spring 2019')])).toBe('born spring 2019');
    }
  });

  it('leaves other dates, the year alone, times and month-and-year alone', () => {
    const text = 'On 13/03/2019, 12/03/2018, 03/12/2019, in 2019, at 12.03, in March 2019 and on 12 March.';
    expect(run(text, [dob])).toBe(text);
  });

  it('matches a value that is not a date as text', () => {
    expect(run('born spring 2019, early 2019', [entry('date_of_birth', 'early 2019', 'a baby')])).toBe(
      'born spring 2019, a baby',
    );
  });

  it('finds dates with valid days only, day before month', () => {
    expect(findDates('31/02/2019 29/02/2019 29/02/2020 31/04/2020 2020-13-01').map((d) => d.start)).toEqual([
      22,
    ]);
    expect(parseDate('12/03/2019')).toEqual({ day: 12, month: 3, year: 2019, yearDigits: 4 });
    expect(parseDate('12/03/2019 and more')).toBeNull();
    expect(parseDate('2019')).toBeNull();
  });
});

describe('namesIn', () => {
  it('lists every form checked for each entry', () => {
    const forms = namesIn([
      entry('child', 'Jane Mary Smith', 'Child A', ['Janey']),
      entry('date_of_birth', '12/03/2019', 'spring 2019'),
    ]).map((f) => f.form);
    expect(forms).toEqual(
      expect.arrayContaining([
        'Jane Mary Smith',
        'Jane',
        'Mary',
        'Smith',
        'Smiths',
        'Jane Smith',
        'Jane M. Smith',
        'J. Smith',
        'J.M. Smith',
        'Smith, Jane',
        'J.M.S.',
        'J.S.',
        'Janey',
        '12 March 2019 (any common date format)',
      ]),
    );
  });
});

describe('pseudonymise: where a name may start', () => {
  const register = [
    entry('child', 'Jane Smith', 'Child A'),
    entry('family_member', "Mary O'Brien", 'Mother'),
    entry('practitioner', 'Kacper Nowak', 'the social worker'),
    entry('date_of_birth', '14/02/2016', 'her date of birth'),
  ];

  it('finds a name between any punctuation, curly quotes, dashes and odd spaces included', () => {
    expect(run('“Jane”—Smith–said (Jane) ‘Smith’, Jane\u00A0Smith\u2009Jane.', register)).toBe(
      '“Child A”—Child A–said (Child A) ‘Child A’, Child A\u2009Child A.',
    );
    expect(run('JANE_SMITH and O’Brien’s house', register)).toBe('Child A_Child A and Mother’s house');
  });

  it('finds a name joined to another script or a symbol, but not inside a longer word', () => {
    expect(run('Smith中 and 中Smith or Jane😀, Smithé, Janeß', register)).toBe(
      'Child A中 and 中Child A or Child A😀, Smithé, Janeß',
    );
  });

  it('finds names, titles, initials and dates of birth side by side, in the order written', () => {
    expect(
      run('14 February 2016 Jane, Jane 14/02/2016 Smith; J.\u00A0Smith, Dr K. Nowak, DC Nowak', register),
    ).toBe(
      'her date of birth Child A, Child A her date of birth Child A; Child A, the social worker, the social worker',
    );
  });

  it('does not match again inside a name already matched', () => {
    const result = pseudonymise('Mary O’Brien and Kacper Nowak', register);
    expect(result.text).toBe('Mother and the social worker');
    expect(result.replacements).toBe(2);
  });
});
