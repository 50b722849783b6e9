import { describe, expect, it } from 'vitest';
import { dnsNameEntryHost, formatDnsNames } from './dns-names';

describe('dNSName column syntax', () => {
  it('writes the manual form and reads an entry whatever the key case', () => {
    expect(formatDnsNames(['www.nii.ac.jp', ' ', 'nii.ac.jp '])).toBe('dNSName=www.nii.ac.jp,dNSName=nii.ac.jp');
    expect(formatDnsNames([])).toBe('');
    expect(dnsNameEntryHost('DNSNAME=a.jp')).toBe('a.jp');
    expect(dnsNameEntryHost('dNSName=')).toBe('');
    expect(dnsNameEntryHost('a.jp')).toBeNull();
  });
});
