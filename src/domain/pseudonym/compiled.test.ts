import { describe, expect, it } from 'vitest';
import { compileRegister, pseudonymise, pseudonymiseWith } from './pseudonymise.ts';
import type { RegisterEntry } from './register.ts';
import { scanIdentifiers, scanIdentifiersWith } from './scan.ts';

const register: RegisterEntry[] = [
  { category: 'child', realValue: 'Jayden Smith', variants: ['Jay'], replacement: 'Child A' },
  { category: 'family_member', realValue: 'Kelly Smith', variants: [], replacement: 'Mother' },
  { category: 'date_of_birth', realValue: '14/02/2016', variants: [], replacement: 'his date of birth' },
];
const texts = [
  'Jayden Smith and Kelly’s house.',
  'Mrs Smith said Jay was born on 14 February 2016. Jaiden was seen.',
  'Call 07700 900123 or write to SW1A 1AA.',
  '',
];

describe('a register compiled once', () => {
  it('pseudonymises and scans each text just as the register itself does', () => {
    const compiled = compileRegister(register);
    for (const text of texts) {
      expect(pseudonymiseWith(text, compiled)).toEqual(pseudonymise(text, register));
      expect(scanIdentifiersWith(text, compiled)).toEqual(scanIdentifiers(text, register));
    }
  });
});
