// A mail of the outbox as an RFC 5322 message with MIME parts (UTF-8: every mail reader shows it,
// and base64 bodies keep the Japanese text and the Shift-JIS attachments byte-exact).
import { base64Encode } from '../../pki/pem';
import type { Mail } from '../types';

export const FROM = '"UPKI (simulated)" <noreply@upki-sim.invalid>';

function encodedWord(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${base64Encode(new TextEncoder().encode(text))}?=`;
}

function wrap(b64: string): string {
  return (b64.match(/.{1,76}/g) ?? ['']).join('\r\n');
}

/** RFC 5322 date, e.g. "Mon, 23 Nov 2026 09:00:00 +0900" (JST, as the real service writes). */
export function rfc5322Date(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 9 * 3600_000);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0900`;
}

/** RFC 2231 filename parameter (UTF-8, percent-encoded) plus a plain fallback for old readers. */
function filenameParams(name: string): string {
  const ascii = /^[\x20-\x7e]*$/.test(name) && !/["\\]/.test(name);
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return ascii ? `filename="${name}"` : `filename*=UTF-8''${encoded}`;
}

/** The domain of a `"Name" <user@domain>` sender (Message-ID's right-hand side). */
function senderDomain(from: string): string {
  const at = from.lastIndexOf('@');
  const end = from.indexOf('>', at);
  return at >= 0 && end > at ? from.slice(at + 1, end) : 'upki-sim.invalid';
}

/** `from` defaults to the simulated UPKI sender; another simulated service (src/jpnic) passes its own. */
export function toEml(mail: Mail, files: (id: string) => Uint8Array | undefined, from: string = FROM): Uint8Array {
  const boundary = `=_upki_${mail.id}`;
  const headers = [
    `From: ${from}`,
    `To: ${mail.to.join(', ')}`,
    `Subject: ${encodedWord(mail.subject)}`,
    `Date: ${rfc5322Date(mail.at)}`,
    `Message-ID: <${mail.id}@${senderDomain(from)}>`,
    'MIME-Version: 1.0',
    ...(mail.signed ? ['X-UPKI-Simulated: the real service signs this mail (S/MIME); the simulator does not'] : []),
  ];
  const text = wrap(base64Encode(new TextEncoder().encode(mail.body.replace(/\n/g, '\r\n'))));
  const textPart = ['Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64', '', text];
  let lines: string[];
  if (mail.attachments.length === 0) lines = [...headers, ...textPart];
  else {
    lines = [...headers, `Content-Type: multipart/mixed; boundary="${boundary}"`, '', `--${boundary}`, ...textPart];
    for (const a of mail.attachments) {
      const bytes = files(a.fileId) ?? new Uint8Array();
      lines.push(
        `--${boundary}`,
        `Content-Type: ${a.contentType}; name="${a.fileName.replace(/[^\x20-\x7e]/g, '_')}"`,
        'Content-Transfer-Encoding: base64',
        `Content-Disposition: attachment; ${filenameParams(a.fileName)}`,
        '',
        wrap(base64Encode(bytes)),
      );
    }
    lines.push(`--${boundary}--`);
  }
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}
