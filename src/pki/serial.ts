// Certificate serial numbers: the TSV writes them in decimal or as 0x-hex (SPEC §5 R-SERIAL, ADDENDUM B.3),
// certificates carry them as DER INTEGERs. BigInt holds any size exactly (serials are up to 20 octets).
import { SERIAL_DECIMAL, SERIAL_HEX, SERIAL_HEX_UPPER_PREFIX, type Text } from '../spec';
import { fromHex, randomBytes, toHex } from './crypto';

/** Unsigned value of INTEGER content octets (a leading 0x00 sign byte changes nothing). */
export function serialFromBytes(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

/** DER INTEGER content octets of a non-negative serial: minimal, with a 0x00 in front when the top bit is set. */
export function serialToBytes(value: bigint): Uint8Array {
  if (value < 0n) throw new RangeError('serial numbers are positive');
  const hex = value.toString(16);
  const bytes = fromHex(hex);
  return bytes[0] & 0x80 ? new Uint8Array([0, ...bytes]) : bytes;
}

/** Lower-case hex without prefix, whole bytes (e.g. 10 → "0a"). */
export function serialToHex(value: bigint): string {
  return toHex(fromHex(value.toString(16)));
}

export function serialToDecimal(value: bigint): string {
  return value.toString(10);
}

/** The TSV hex form: "0x" and upper-case digits, as the manual's example `0x112210E261FEC92B`. */
export function formatSerialHex(value: bigint): string {
  return `0x${value.toString(16).toUpperCase()}`;
}

export type SerialParseResult =
  | { ok: true; value: bigint; form: 'decimal' | 'hex'; /** `0X` prefix: accepted with a warning (ADDENDUM B.3). */ upperPrefix: boolean }
  | { ok: false; code: 'serial-empty' | 'serial-syntax'; message: Text };

/** Read a serial as written in a TSV cell: decimal digits, or 0x/0X followed by hex digits. Leading zeros allowed. */
export function parseSerial(text: string): SerialParseResult {
  if (text === '')
    return { ok: false, code: 'serial-empty', message: { ja: 'シリアル番号が空です。', en: 'The serial number is empty.' } };
  if (SERIAL_DECIMAL.test(text)) return { ok: true, value: BigInt(text), form: 'decimal', upperPrefix: false };
  if (SERIAL_HEX.test(text) || SERIAL_HEX_UPPER_PREFIX.test(text))
    return { ok: true, value: BigInt(`0x${text.slice(2)}`), form: 'hex', upperPrefix: text[1] === 'X' };
  return {
    ok: false,
    code: 'serial-syntax',
    message: {
      ja: 'シリアル番号は10進数、または先頭に0xを付けた16進数で記述してください。',
      en: 'Write the serial number in decimal, or in hexadecimal with a 0x prefix.',
    },
  };
}

/** Decimal string from a TSV hex form ("0x1F" or bare "1f"); null when it is not hex. */
export function hexToDecimal(hex: string): string | null {
  const body = hex.replace(/^0x/i, '');
  return /^[0-9A-F]+$/i.test(body) ? BigInt(`0x${body}`).toString(10) : null;
}

/** TSV hex form ("0x…", upper-case) from decimal digits; null when it is not decimal. */
export function decimalToHex(decimal: string): string | null {
  return SERIAL_DECIMAL.test(decimal) ? formatSerialHex(BigInt(decimal)) : null;
}

/**
 * A fresh serial for the simulated CA: 16 random octets, positive (top bit clear), and with the next bit set so
 * that it always takes exactly 16 octets in DER (RFC 5280 §4.1.2.2 allows up to 20; CA/B BR want ≥ 64 random bits).
 */
export function randomSerial(): { value: bigint; bytes: Uint8Array; /** Lower-case, no prefix: the certificate builder's `serialHex`. */ hex: string } {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] & 0x7f) | 0x40;
  return { value: serialFromBytes(bytes), bytes, hex: toHex(bytes) };
}
