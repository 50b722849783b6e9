import { describe, expect, it } from 'vitest';
import { dnsNameEntryHost, dnsNamesAsIssued, formatDnsNames } from './dns-names';

describe('dNSName column syntax', () => {
  it('writes the manual form and reads an entry whatever the key case', () => {
    expect(formatDnsNames(['www.nii.ac.jp', ' ', 'nii.ac.jp '])).toBe('dNSName=www.nii.ac.jp,dNSName=nii.ac.jp');
    expect(formatDnsNames([])).toBe('');
    expect(dnsNameEntryHost('DNSNAME=a.jp')).toBe('a.jp');
    expect(dnsNameEntryHost('dNSName=')).toBe('');
    expect(dnsNameEntryHost('a.jp')).toBeNull();
  });
});

describe('dnsNamesAsIssued: the CN NII adds to column 13 (ADDENDUM B.6)', () => {
  const column = 'dNSName=a.example.jp,dNSName=b.example.jp';

  it('adds the CN when the column lacks it and counts ",dNSName=<CN>" in the length', () => {
    expect(dnsNamesAsIssued(column, 'www.example.jp')).toEqual({ added: true, count: 3, length: 41 + 23 });
  });

  it('adds nothing when the CN is there, the column is empty or there is no CN', () => {
    expect(dnsNamesAsIssued(column, 'b.example.jp')).toEqual({ added: false, count: 2, length: 41 });
    expect(dnsNamesAsIssued('', 'www.example.jp')).toEqual({ added: false, count: 0, length: 0 });
    expect(dnsNamesAsIssued(column, '')).toEqual({ added: false, count: 2, length: 41 });
  });

  it('compares exactly what is written: callers trim first, a spaced CN is another name', () => {
    expect(dnsNamesAsIssued(column, ' a.example.jp').added).toBe(true);
    expect(dnsNamesAsIssued('dNSName=a.example.jp ', 'a.example.jp').added).toBe(true);
  });

  it('counts a malformed entry as an entry, and code points rather than UTF-16 units', () => {
    expect(dnsNamesAsIssued('dNSName=a.example.jp,junk', 'www.example.jp').count).toBe(3);
    expect(dnsNamesAsIssued('dNSName=𠮷.jp', 'www.example.jp').length).toBe(12 + 23);
  });
});
