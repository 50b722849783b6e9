import { describe, expect, it } from 'vitest';
import { parseDer } from './asn1';
import { openssl } from './openssl.testkit';
import { encodePrintableName, readName, serverSubjectRdns, subjectTsvString, toTsvOrder } from './name';

const SUBJECT = { cn: 'www.example.ac.jp', o: "St. Mary's (Univ.)", st: 'Tokyo', l: 'Chiyoda-ku' };

describe('names', () => {
  it('encodes the server subject C, ST, L, O, CN as PrintableStrings (checked by openssl asn1parse)', () => {
    const der = encodePrintableName(serverSubjectRdns(SUBJECT));
    const out = openssl(['asn1parse', '-inform', 'DER'], { input: der });
    const values = [...out.matchAll(/(OBJECT|PRINTABLESTRING) +:(.*)/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(values).toEqual([
      'OBJECT:countryName', 'PRINTABLESTRING:JP',
      'OBJECT:stateOrProvinceName', 'PRINTABLESTRING:Tokyo',
      'OBJECT:localityName', 'PRINTABLESTRING:Chiyoda-ku',
      'OBJECT:organizationName', "PRINTABLESTRING:St. Mary's (Univ.)",
      'OBJECT:commonName', 'PRINTABLESTRING:www.example.ac.jp',
    ]);
    const back = readName(parseDer(der)!);
    expect(back?.rdns).toEqual(serverSubjectRdns(SUBJECT));
  });

  it('writes the TSV subject CN first whichever way the DER is ordered', () => {
    const der = serverSubjectRdns(SUBJECT);
    const tsv = "CN=www.example.ac.jp,O=St. Mary's (Univ.),L=Chiyoda-ku,ST=Tokyo,C=JP";
    expect(subjectTsvString(der)).toBe(tsv);
    expect(subjectTsvString(toTsvOrder(der))).toBe(tsv);
  });
});
