import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode, hasArmour, pemDecodeAll, pemEncode } from './pem';

describe('base64 and PEM', () => {
  it('matches Node Buffer (an independent encoder) for all lengths mod 3', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 97 + n) & 0xff);
      const b64 = Buffer.from(bytes).toString('base64');
      expect(base64Encode(bytes)).toBe(b64);
      expect(base64Decode(b64)).toEqual(bytes);
    }
  });

  it('rejects malformed base64', () => {
    for (const bad of ['A', 'AB=C', 'AB C', 'A===', '@@@@', 'QUJD=']) expect(base64Decode(bad), bad).toBeNull();
    expect(base64Decode('QUJD')).toEqual(new TextEncoder().encode('ABC'));
    expect(base64Decode('QUI')).toEqual(new TextEncoder().encode('AB')); // unpadded is accepted
  });

  it('writes 64-column PEM and reads every block back', () => {
    const der = new Uint8Array(100).map((_, i) => i);
    const pem = pemEncode('CERTIFICATE REQUEST', der);
    expect(pem.split('\n').map((l) => l.length)).toEqual([35, 64, 64, 8, 33, 0]);
    const two = `junk\n${pem}${pemEncode('PRIVATE KEY', der.slice(0, 3))}`;
    expect(pemDecodeAll(two)).toEqual([
      { label: 'CERTIFICATE REQUEST', der },
      { label: 'PRIVATE KEY', der: der.slice(0, 3) },
    ]);
    expect(pemDecodeAll(pem.replace(/\n/g, '\r\n'))?.[0].der).toEqual(der);
  });

  it('sees armour with five or four hyphens', () => {
    expect(hasArmour('-----BEGIN CERTIFICATE REQUEST-----')).toBe(true);
    expect(hasArmour('----END CERTIFICATE REQUEST----')).toBe(true);
    expect(hasArmour('MIIB-----')).toBe(false);
  });
});
