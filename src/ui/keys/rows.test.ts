import { describe, expect, it } from 'vitest';
import { KINDS } from '../../spec/kinds';
import { guessFamily, prefilledRow } from './rows';

const SERVER = {
  subject: [
    { key: 'C', value: 'JP' },
    { key: 'ST', value: 'Tokyo' },
    { key: 'L', value: 'Chiyoda-ku' },
    { key: 'O', value: 'National Institute of Informatics' },
    { key: 'CN', value: 'www.example.ac.jp' },
  ] as const,
  serialDecimal: '1234567812345678123',
  serialHex: '112210e261fec92b',
};

describe('renew/revoke row prefill', () => {
  it('guesses the family from the CN', () => {
    expect(guessFamily({ subject: [...SERVER.subject] })).toBe('server');
    expect(guessFamily({ subject: [{ key: 'CN', value: 'KOKURITSU HANAKO' }] })).toBe('client');
    expect(guessFamily({ subject: [{ key: 'CN', value: 'user@example.ac.jp' }] })).toBe('client');
  });

  it('places DN (TSV order) and decimal serial in the kind’s columns, the rest empty', () => {
    for (const kind of ['server-renew', 'server-revoke'] as const) {
      const cells = prefilledRow(kind, { ...SERVER, subject: [...SERVER.subject] }).split('\t');
      expect(cells).toHaveLength(KINDS[kind].columnCount);
      expect(cells[0]).toBe('CN=www.example.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP');
      const serialAt = KINDS[kind].columns.find((c) => c.field === 'serial')!.no - 1;
      expect(cells[serialAt]).toBe('1234567812345678123');
      expect(cells.filter((c) => c !== '')).toHaveLength(2);
    }
  });
});
