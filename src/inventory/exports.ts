// The plan as files for other tools: CSV for Excel (UTF-8 with BOM, CRLF, RFC 4180 quoting) and iCalendar
// (RFC 5545: one all-day event per certificate on its expiry day in JST, with a display alarm N days before).
import { jstDate, jstDateTime } from '../spec/jst';
import { daysLeft, KIND_LABELS, STATUS_LABELS } from './merge';
import type { InventoryEntry } from './types';
import { decimalToHex } from './values';

const CSV_COLUMNS: readonly { header: string; value: (e: InventoryEntry, asOf: Date) => string }[] = [
  { header: 'CN', value: (e) => e.cn ?? '' },
  { header: '種別', value: (e) => KIND_LABELS[e.kind].ja },
  { header: 'SAN', value: (e) => (e.dnsNames ?? []).join(' ') },
  { header: 'プロファイル', value: (e) => e.profile ?? '' },
  { header: 'シリアル番号(10進)', value: (e) => e.serialDecimal ?? '' },
  { header: 'シリアル番号(16進)', value: (e) => (e.serialDecimal ? `0x${decimalToHex(e.serialDecimal)}` : '') },
  { header: '発行者', value: (e) => e.issuer ?? '' },
  { header: '有効期間開始(JST)', value: (e) => (e.notBefore ? jstDateTime(new Date(e.notBefore)) : '') },
  { header: '有効期間終了(JST)', value: (e) => (e.notAfter ? jstDateTime(new Date(e.notAfter)) : '') },
  { header: '残り日数', value: (e, asOf) => String(daysLeft(e, asOf) ?? '') },
  { header: '状態', value: (e) => STATUS_LABELS[e.status].ja },
  { header: '申請ID', value: (e) => e.applicationId ?? '' },
  { header: '利用管理者メールアドレス', value: (e) => e.adminMail ?? '' },
  { header: '主体者DN', value: (e) => e.dn ?? '' },
  { header: '読込元', value: (e) => e.sources.join(' ') },
];

function csvCell(v: string): string {
  // A leading = + - @ would be a formula in Excel: prefix a quote so a DN or a name cannot run as one.
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function inventoryCsv(entries: readonly InventoryEntry[], asOf: Date): Uint8Array {
  const lines = [CSV_COLUMNS.map((c) => c.header), ...entries.map((e) => CSV_COLUMNS.map((c) => c.value(e, asOf)))];
  const text = lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** RFC 5545 TEXT escaping. */
function icsText(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets are folded with CRLF + space (RFC 5545 §3.1), never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  const enc = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    if (size + n > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export interface IcsOptions {
  /** Alarm this many days before the expiry day. */
  reminderDays: number;
  /** DTSTAMP (the export time). */
  now: Date;
}

/** One VEVENT per certificate with a notAfter: an all-day event on the JST day it expires. */
export function inventoryIcs(entries: readonly InventoryEntry[], options: IcsOptions): Uint8Array {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//UPKI Workbench//Certificate inventory//JA', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const e of entries) {
    if (!e.notAfter) continue;
    const day = jstDate(new Date(e.notAfter));
    const next = jstDate(new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000));
    const name = e.cn ?? e.dn ?? e.id;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.serialDecimal ?? e.id.replace(/[^\w.-]/g, '_')}@upki-workbench.invalid`,
      `DTSTAMP:${stamp(options.now)}`,
      `DTSTART;VALUE=DATE:${day.replace(/-/g, '')}`,
      `DTEND;VALUE=DATE:${next.replace(/-/g, '')}`,
      `SUMMARY:${icsText(`証明書の有効期限 / certificate expires: ${name}`)}`,
      `DESCRIPTION:${icsText(`${KIND_LABELS[e.kind].ja} ${name}\nシリアル番号: ${e.serialDecimal ?? '—'}\n有効期間終了: ${jstDateTime(new Date(e.notAfter))} JST\n利用管理者: ${e.adminMail ?? '—'}`)}`,
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${icsText(`${options.reminderDays}日後に証明書の有効期限: ${name}`)}`,
      `TRIGGER:-P${options.reminderDays}D`,
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return new TextEncoder().encode(lines.map(foldLine).join('\r\n') + '\r\n');
}
