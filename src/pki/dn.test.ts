// TSV-style DN strings: splitting only before known keys, values kept as written (SPEC §3.2).
import { describe, expect, it } from 'vitest';
import { formatDnString, parseDnString, parseDnStringDetailed, sameDn } from './dn';

describe('parseDnString', () => {
  it('splits a server DN in TSV order', () => {
    const parsed = parseDnString('CN=www.nii.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP');
    expect(parsed).toEqual({
      ok: true,
      rdns: [
        { key: 'CN', value: 'www.nii.ac.jp' },
        { key: 'O', value: 'National Institute of Informatics' },
        { key: 'L', value: 'Chiyoda-ku' },
        { key: 'ST', value: 'Tokyo' },
        { key: 'C', value: 'JP' },
      ],
    });
  });

  it('keeps "," and "=" inside values when not followed by a known key', () => {
    const parsed = parseDnString('CN=SUZUKI, ICHIRO,OU=a=b,O=X,C=JP');
    expect(parsed.ok && parsed.rdns.map((r) => r.value)).toEqual(['SUZUKI, ICHIRO', 'a=b', 'X', 'JP']);
  });

  it('accepts lower-case keys and the EMAILADDRESS alias', () => {
    const parsed = parseDnString('cn=a,emailAddress=x@y.jp,C=JP');
    expect(parsed.ok && parsed.rdns.map((r) => r.key)).toEqual(['CN', 'E', 'C']);
  });

  it('refuses empty text and parts without a known key', () => {
    expect(parseDnString('  ')).toEqual({ ok: false, reason: 'empty' });
    expect(parseDnString('www.nii.ac.jp')).toMatchObject({ ok: false, reason: 'syntax' });
    expect(parseDnString('DC=jp,CN=a')).toMatchObject({ ok: false, reason: 'syntax', part: 'DC=jp' });
    expect(parseDnString('=x')).toMatchObject({ ok: false, reason: 'syntax' });
  });
});

describe('parseDnStringDetailed', () => {
  it('keeps the key as written', () => {
    const parsed = parseDnStringDetailed('cn=a, O=b');
    expect(parsed.ok && parsed.rdns.map((r) => r.rawKey)).toEqual(['cn', ' O']);
  });
});

describe('formatDnString and sameDn', () => {
  it('round-trips', () => {
    const text = 'CN=KOKURITSU HANAKO,OU=1,OU=Dept,O=NII,L=Chiyoda-ku,ST=Tokyo,C=JP';
    const parsed = parseDnString(text);
    expect(parsed.ok && formatDnString(parsed.rdns)).toBe(text);
  });

  it('compares order and values exactly', () => {
    const a = [{ key: 'CN', value: 'a' }, { key: 'C', value: 'JP' }] as const;
    expect(sameDn(a, [{ key: 'CN', value: 'a' }, { key: 'C', value: 'JP' }])).toBe(true);
    expect(sameDn(a, [{ key: 'C', value: 'JP' }, { key: 'CN', value: 'a' }])).toBe(false);
    expect(sameDn(a, [{ key: 'CN', value: 'A' }, { key: 'C', value: 'JP' }])).toBe(false);
  });
});

describe('valueOffset', () => {
  it('locates each value in the text', () => {
    const text = 'CN=a, b,OU=x=y,C=JP';
    const parsed = parseDnStringDetailed(text);
    expect(parsed.ok && parsed.rdns.map((r) => text.slice(r.valueOffset, r.valueOffset + r.value.length))).toEqual(['a, b', 'x=y', 'JP']);
  });
});
