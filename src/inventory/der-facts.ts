// A fast, narrow DER reader for the certificates of a 10 000-row list: only what the inventory shows (subject,
// issuer CN, serial, validity, SANs, key type and size, the SubjectPublicKeyInfo bytes). asn1js builds a full
// object tree (~5 ms per certificate here, 50 s for a big list); this walks the bytes once. Any surprise returns
// undefined and the caller falls back to pki/certificate.ts, so odd certificates are still read, only slower.
// certs.test.ts checks that both readers agree on the simulated RA's and OpenSSL's certificates.
import { formatDnString, type DnKey, type Rdn } from '../pki/dn';
import { OID_BY_KEY, toTsvOrder } from '../pki/name';
import { CURVE_BY_OID } from '../pki/spki';

interface Tlv {
  at: number; // first byte of the header
  tag: number;
  start: number; // first content byte
  end: number; // one past the last content byte
  next: number; // first byte after this element
}

function tlv(b: Uint8Array, at: number, limit: number): Tlv {
  if (at + 2 > limit) throw new Error('short');
  const tag = b[at];
  let len = b[at + 1];
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 3 || start + n > limit) throw new Error('length');
    len = 0;
    for (let i = 0; i < n; i++) len = (len << 8) | b[start + i];
    start += n;
  }
  const end = start + len;
  if (end > limit) throw new Error('overrun');
  return { at, tag, start, end, next: end };
}

function kids(b: Uint8Array, t: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = t.start; at < t.end; ) {
    const c = tlv(b, at, t.end);
    out.push(c);
    at = c.next;
  }
  return out;
}

/** Dotted OIDs by their DER content, for the few short ones every certificate repeats (name attributes, extensions). */
const OID_CACHE = new Map<number, string>();

function oid(b: Uint8Array, t: Tlv): string {
  const len = t.end - t.start;
  if (len <= 3) {
    // Up to three bytes fit one number: 2.5.4.3 (55 04 03), 2.5.29.17 (55 1D 11) …
    let key = len;
    for (let i = t.start; i < t.end; i++) key = key * 256 + b[i];
    let got = OID_CACHE.get(key);
    if (got === undefined) {
      got = dotted(b, t);
      if (OID_CACHE.size < 1024) OID_CACHE.set(key, got); // bounded: crafted certificates could name millions
    }
    return got;
  }
  return dotted(b, t);
}

function dotted(b: Uint8Array, t: Tlv): string {
  const parts: number[] = [];
  let v = 0;
  for (let i = t.start; i < t.end; i++) {
    v = v * 128 + (b[i] & 0x7f);
    if (!(b[i] & 0x80)) {
      if (parts.length === 0) parts.push(v < 80 ? Math.floor(v / 40) : 2, v < 80 ? v % 40 : v - 80);
      else parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

const UTF8 = new TextDecoder('utf-8');

/** Short ASCII/Latin-1 strings: a loop is far cheaper than a TextDecoder call per string (150 000 of them). */
function latin1(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]);
  return s;
}
const KEY_BY_OID = new Map(Object.entries(OID_BY_KEY).map(([k, o]) => [o, k as DnKey]));

function str(b: Uint8Array, t: Tlv): string {
  if (t.tag === 0x1e) {
    let s = '';
    for (let i = t.start; i + 1 < t.end; i += 2) s += String.fromCharCode((b[i] << 8) | b[i + 1]);
    return s;
  }
  if (t.tag === 0x0c) {
    for (let i = t.start; i < t.end; i++) if (b[i] >= 0x80) return UTF8.decode(b.subarray(t.start, t.end));
  }
  return latin1(b, t.start, t.end);
}

function name(b: Uint8Array, t: Tlv): Rdn[] {
  const rdns: Rdn[] = [];
  for (const set of kids(b, t)) {
    for (const atv of kids(b, set)) {
      const [o, v] = kids(b, atv);
      const key = KEY_BY_OID.get(oid(b, o));
      if (!key) return rdnsUnknown();
      rdns.push({ key, value: str(b, v) });
    }
  }
  return rdns;
}

/** A name with an attribute we do not map: let the full reader handle the certificate. */
function rdnsUnknown(): never {
  throw new Error('unknown attribute');
}

/** Two ASCII digits at i, or NaN. */
function two(b: Uint8Array, i: number): number {
  const hi = b[i] - 48;
  const lo = b[i + 1] - 48;
  return hi >= 0 && hi <= 9 && lo >= 0 && lo <= 9 ? hi * 10 + lo : NaN;
}

/** UTCTime YYMMDDHHMMSSZ or GeneralizedTime YYYYMMDDHHMMSSZ (RFC 5280 4.1.2.5) → ISO 8601, read digit by digit
 * (a regular expression and its match array per date cost more than the rest of the certificate). */
function time(b: Uint8Array, t: Tlv): string {
  const utc = t.tag === 0x17;
  if (t.end - t.start !== (utc ? 13 : 15) || b[t.end - 1] !== 0x5a) throw new Error('time');
  let i = t.start;
  let year: number;
  if (utc) {
    const yy = two(b, i);
    year = (yy >= 50 ? 1900 : 2000) + yy;
    i += 2;
  } else {
    year = two(b, i) * 100 + two(b, i + 2);
    i += 4;
  }
  const ms = Date.UTC(year, two(b, i) - 1, two(b, i + 2), two(b, i + 4), two(b, i + 6), two(b, i + 8));
  if (Number.isNaN(ms)) throw new Error('time');
  return new Date(ms).toISOString();
}

export interface DerFacts {
  subject: Rdn[];
  dnTsv: string;
  cn: string;
  issuerCn: string;
  serialDecimal: string;
  notBefore: string;
  notAfter: string;
  dnsNames: string[];
  emails: string[];
  keyAlgorithm: string;
  rsaBits?: number;
  spki: Uint8Array;
}

export function readDerFacts(b: Uint8Array): DerFacts | undefined {
  try {
    const cert = tlv(b, 0, b.length);
    if (cert.tag !== 0x30 || cert.next !== b.length) return undefined;
    const tbs = kids(b, tlv(b, cert.start, cert.end));
    const f = tbs[0].tag === 0xa0 ? tbs.slice(1) : tbs;
    const [serial, , issuer, validity, subject, spki, ...rest] = f;
    if (serial.tag !== 0x02 || spki.tag !== 0x30) return undefined;
    let n = 0n;
    for (let i = serial.start; i < serial.end; i++) n = (n << 8n) | BigInt(b[i]);
    const [nb, na] = kids(b, validity);
    const subj = name(b, subject);
    const iss = name(b, issuer);
    const dnsNames: string[] = [];
    const emails: string[] = [];
    const ext = rest.find((x) => x.tag === 0xa3);
    if (ext) {
      for (const e of kids(b, kids(b, ext)[0])) {
        const parts = kids(b, e);
        if (oid(b, parts[0]) !== '2.5.29.17') continue;
        const octets = parts[parts.length - 1];
        for (const g of kids(b, tlv(b, octets.start, octets.end))) {
          if (g.tag === 0x82) dnsNames.push(latin1(b, g.start, g.end).toLowerCase());
          else if (g.tag === 0x81) emails.push(latin1(b, g.start, g.end));
        }
      }
    }
    const [alg, bits] = kids(b, spki);
    const [algOid, param] = kids(b, alg);
    const keyOid = oid(b, algOid);
    let keyAlgorithm = keyOid;
    let rsaBits: number | undefined;
    if (keyOid === '1.2.840.113549.1.1.1') {
      const rsa = tlv(b, bits.start + 1, bits.end); // BIT STRING: skip the unused-bits byte
      const modulus = kids(b, rsa)[0];
      let i = modulus.start;
      while (i < modulus.end && b[i] === 0) i++;
      rsaBits = i < modulus.end ? (modulus.end - i - 1) * 8 + (32 - Math.clz32(b[i])) : 0;
      keyAlgorithm = `RSA ${rsaBits}`;
    } else if (keyOid === '1.2.840.10045.2.1' && param?.tag === 0x06) {
      const curve = oid(b, param);
      keyAlgorithm = `EC ${CURVE_BY_OID[curve] ?? curve}`;
    }
    return {
      subject: subj,
      dnTsv: formatDnString(toTsvOrder(subj)),
      cn: subj.find((r) => r.key === 'CN')?.value ?? '',
      issuerCn: iss.find((r) => r.key === 'CN')?.value ?? formatDnString(toTsvOrder(iss)),
      serialDecimal: n.toString(),
      notBefore: time(b, nb),
      notAfter: time(b, na),
      dnsNames,
      emails,
      keyAlgorithm,
      rsaBits,
      spki: b.subarray(spki.at, spki.next),
    };
  } catch {
    return undefined;
  }
}
