import { describe, expect, it } from 'vitest';
import { toHex } from './crypto';
import { openssl, tempDir } from './openssl.testkit';
import {
  decimalToHex,
  formatSerialHex,
  hexToDecimal,
  parseSerial,
  randomSerial,
  serialFromBytes,
  serialToBytes,
  serialToDecimal,
  serialToHex,
} from './serial';

describe('serial numbers', () => {
  it('converts the manual example both ways', () => {
    expect(hexToDecimal('0x112210E261FEC92B')).toBe('1234567812345678123');
    expect(decimalToHex('1234567812345678123')).toBe('0x112210E261FEC92B');
    expect(hexToDecimal('0xzz')).toBeNull();
    expect(decimalToHex('12a')).toBeNull();
  });

  it('agrees with OpenSSL on a 20-octet serial (independent bignum: -set_serial decimal, -serial prints hex)', () => {
    const tmp = tempDir();
    try {
      const decimal = '725802463395722474963209127593436047398452448572';
      openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', tmp.path('k'),
        '-subj', '/CN=serial', '-days', '1', '-set_serial', decimal, '-out', tmp.path('c')]);
      const printed = openssl(['x509', '-in', tmp.path('c'), '-noout', '-serial']).trim(); // serial=HEX
      expect(decimalToHex(decimal)).toBe(`0x${printed.slice('serial='.length)}`);
      expect(hexToDecimal(printed.slice('serial='.length))).toBe(decimal);
    } finally {
      tmp.remove();
    }
  });

  it('parses the TSV forms (ADDENDUM B.3)', () => {
    expect(parseSerial('00123')).toEqual({ ok: true, value: 123n, form: 'decimal', upperPrefix: false });
    expect(parseSerial('0x00ff')).toEqual({ ok: true, value: 255n, form: 'hex', upperPrefix: false });
    expect(parseSerial('0XFF')).toEqual({ ok: true, value: 255n, form: 'hex', upperPrefix: true });
    for (const bad of ['', 'x12', '0x', '12 3', '-5', 'ff']) expect(parseSerial(bad).ok, bad).toBe(false);
  });

  it('encodes DER INTEGER content octets and reads them back', () => {
    expect(toHex(serialToBytes(0x80n))).toBe('0080');
    expect(toHex(serialToBytes(0x7fn))).toBe('7f');
    expect(toHex(serialToBytes(0n))).toBe('00');
    expect(serialFromBytes(new Uint8Array([0, 0x80]))).toBe(0x80n);
    expect(serialToHex(10n)).toBe('0a');
    expect(serialToDecimal(10n)).toBe('10');
    expect(formatSerialHex(255n)).toBe('0xFF');
  });

  it('makes random positive 16-octet serials', () => {
    const seen = new Set<bigint>();
    for (let i = 0; i < 50; i++) {
      const s = randomSerial();
      expect(s.bytes).toHaveLength(16);
      expect(s.bytes[0] & 0x80).toBe(0);
      expect(s.bytes[0] & 0x40).toBe(0x40);
      expect(serialToBytes(s.value)).toEqual(s.bytes);
      expect(s.hex).toBe(serialToHex(s.value));
      seen.add(s.value);
    }
    expect(seen.size).toBe(50);
  });
});
