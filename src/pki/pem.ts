// PEM armour and base64, written out so the core needs neither Buffer (Node) nor atob (DOM).
// Also the "one-line form" of SPEC §5 R-CSR: the base64 body of a PEM with armour removed, on one line.

/** Inputs beyond this are refused before parsing (a CSR or certificate is 1–2 KiB; the TSV CSR column holds 2048 characters). */
export const MAX_INPUT_BYTES = 64 * 1024;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Value of each ASCII code in ALPHABET, −1 for any other: a table read per character (the inventory decodes
 * 10 000 certificates from a list's column with this where the engine has no base64 decoder of its own). */
const DECODE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

export function base64Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '=';
  }
  return out;
}

/** Strict base64 (standard alphabet, optional '=' padding, no whitespace). Returns null when malformed. */
export function base64Decode(text: string): Uint8Array | null {
  const body = text.replace(/={1,2}$/, '');
  if (body.length % 4 === 1) return null;
  if (text.length % 4 !== 0 && text.length !== body.length) return null; // padding present but wrong length
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let j = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    const v = c < 128 ? DECODE[c] : -1;
    if (v < 0) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

export interface PemBlock {
  label: string;
  der: Uint8Array;
}

/** PEM with 64-character lines and LF line ends, as OpenSSL writes it. */
export function pemEncode(label: string, der: Uint8Array): string {
  const lines = base64Encode(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/** Every well-formed PEM block in the text (headers such as Proc-Type are not supported: legacy encrypted PEM). */
export function pemDecodeAll(text: string): PemBlock[] | null {
  const blocks: PemBlock[] = [];
  for (const m of text.matchAll(PEM_BLOCK)) {
    const der = base64Decode(m[2].replace(/\s+/g, ''));
    if (!der) return null;
    blocks.push({ label: m[1], der });
  }
  return blocks;
}

/** True when the text carries PEM-like armour lines, including the manual's four-hyphen form (SPEC IC-20). */
export function hasArmour(text: string): boolean {
  // `(?<!-)`: a match starts only at a run's first hyphen, so a long run of hyphens is scanned once, not once per
  // hyphen (64 KiB of '-' took 16 s before — issue 10).
  return /(?<!-)-{4,}\s*(?:BEGIN|END)\b/i.test(text);
}

/** The one-line form for TSV column 7: base64 of the DER, no armour, no line breaks. */
export function toOneLine(der: Uint8Array): string {
  return base64Encode(der);
}

const ASCII = new TextDecoder('utf-8', { fatal: false });

/** Bytes read from a file: DER when they start like a SEQUENCE, otherwise text (PEM or base64). */
export function bytesOrText(input: Uint8Array): { der: Uint8Array } | { text: string } {
  if (input.length > 0 && input[0] === 0x30) return { der: input };
  return { text: ASCII.decode(input) };
}

/**
 * What a user gave (a paste, or a file's bytes) as DER or as text to decode, the way every pki reader takes it;
 * null when it is over MAX_INPUT_BYTES.
 */
export function derOrText(input: string | Uint8Array): { der: Uint8Array } | { text: string } | null {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > MAX_INPUT_BYTES) return null;
  return typeof input === 'string' ? { text: input } : bytesOrText(input);
}
