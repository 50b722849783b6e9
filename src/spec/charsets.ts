// Character sets and syntax patterns of the TSV columns, as data (SPEC §3, §5; ADDENDUM B.2, B.3).
// Patterns are compiled once here and only ever used with linear-time shapes (no nested quantifiers).

/** A named set of allowed characters, with the human-readable list the manual prints. */
export interface CharSet {
  /** Matches one allowed character. */
  char: RegExp;
  /** The list as the manual words it, for messages and docs. */
  description: { ja: string; en: string };
}

function charSet(klass: string, ja: string, en: string): CharSet {
  return { char: new RegExp(`^[${klass}]$`), description: { ja, en } };
}

/** O, OU, L (and ST by analogy) — 「半角英数字、空白、'()、,-./:=」 (SPEC §3.1, §3.3). */
export const DN_TEXT = charSet(
  "A-Za-z0-9 '(),\\-./:=",
  '半角英数字、空白「 」、アポストロフィ「\'」、括弧「()」、カンマ「,」、ハイフン「-」、ピリオド「.」、スラッシュ「/」、コロン「:」、イコール「=」',
  "ASCII letters and digits, space and ' ( ) , - . / : =",
);

/** Client CN: the DN_TEXT set plus 「@」「_」 (SPEC §3.3). */
export const CLIENT_CN = charSet(
  "A-Za-z0-9 '(),\\-./:=@_",
  '半角英数字、空白「 」、アポストロフィ「\'」、括弧「()」、カンマ「,」、ハイフン「-」、ピリオド「.」、スラッシュ「/」、コロン「:」、イコール「=」、アットマーク「@」、アンダースコア「_」',
  "ASCII letters and digits, space and ' ( ) , - . / : = @ _",
);

/** Host names (server CN, 利用管理者FQDN, dNSName entries): 「半角英数字、"."、"-"のみ」. */
export const HOST = charSet('A-Za-z0-9.\\-', '半角英数字、「.」「-」', 'ASCII letters and digits, "." and "-"');

/** P12 download file name (SPEC §5.4 column 12): no / : @ _. */
export const P12_NAME = charSet(
  "A-Za-z0-9 '(),\\-.=",
  '半角英数字、空白「 」、アポストロフィ「\'」、括弧「()」、カンマ「,」、ハイフン「-」、ピリオド「.」、イコール「=」',
  "ASCII letters and digits, space and ' ( ) , - . =",
);

/** Access PIN: printable ASCII except space, " ' \ (SPEC §5.4 column 15). */
export const PIN = charSet(
  "A-Za-z0-9!#$%&*+,\\-./:;=?@^_`|~(){}\\[\\]<>",
  '半角英数字と記号「!#$%&*+,-./:;=?@^_`|~(){}[]<>」（半角空白、「\\」「\'」「"」は使用不可）',
  'ASCII letters, digits and !#$%&*+,-./:;=?@^_`|~(){}[]<> (no space, \\, \' or ")',
);

/** Base64 alphabet of a one-line CSR. */
export const BASE64 = charSet('A-Za-z0-9+/=', '半角英数字と「+」「/」「=」（Base64）', 'Base64: ASCII letters, digits, + / =');

/** ADDENDUM B.2: ASCII local@domain, local part [A-Za-z0-9._%+-], dot-separated domain labels [A-Za-z0-9-]. */
export const MAIL = /^[\w.%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*$/i;

/** ADDENDUM B.3: decimal, or 0x + hex digits of either case. */
export const SERIAL_DECIMAL = /^\d+$/;
export const SERIAL_HEX = /^0x[0-9A-Fa-f]+$/;
/** `0X` is accepted with a warning (B.3). */
export const SERIAL_HEX_UPPER_PREFIX = /^0X[0-9A-Fa-f]+$/;

/** Control characters are never valid in any cell. */
export const CONTROL = /[\u0000-\u001f\u007f]/;

/** First character of `text` not in `set`, with its 0-based code-point index; undefined when all are allowed. */
export function firstDisallowed(text: string, set: CharSet): { index: number; char: string } | undefined {
  let index = 0;
  for (const char of text) {
    if (!set.char.test(char)) return { index, char };
    index++;
  }
  return undefined;
}

/** Length in characters (code points), as the manual counts サイズ（文字数）. */
export function charLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
