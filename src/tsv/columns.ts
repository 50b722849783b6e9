// Rules on one cell, driven by the column's spec (required mark, character class, size, values).
// The DN column is checked by dn-check with the record's context; conditional requirements by cross.ts.
import {
  BASE64,
  charLength,
  CONTROL,
  firstDisallowed,
  MAIL,
  P12_NAME,
  PIN,
  SERIAL_DECIMAL,
  SERIAL_HEX,
  SERIAL_HEX_UPPER_PREFIX,
} from '../spec/charsets';
import { parseDnsNames } from '../spec/dns-names';
import { hasDomainPart, hostNameProblem } from '../spec/hostname';
import { LIMITS } from '../spec/profiles';
import type { CharClassId, ColumnSpec } from '../spec/types';
import { checkJis } from '../text';
import { suggestionText } from './codec';

// The parser lives with the formatter in spec; re-exported for the modules that read it from here.
export { parseDnsNames, type DnsNamesParse } from '../spec/dns-names';
import { at, codePointLabel, makeIssue } from './issue';
import type { Issue } from './types';

/** Per cell, at most this many characters outside JIS are listed (a pasted binary would give millions). */
const MAX_CHAR_ISSUES_PER_CELL = 10;
/** Cells far beyond their size only get the size error: content checks would be noise (and slow). */
const HUGE_FACTOR = 4;
/**
 * PEM armour in a CSR cell. `(?<!-)` starts a match only at the first hyphen of a run: without it every hyphen of
 * a long run starts a new scan to the run's end (8192 hyphens took 0.2 s, a 10 MB file minutes — issue 10).
 */
const ARMOUR = /(?<!-)-{3,}\s*(?:BEGIN|END)\b|CERTIFICATE REQUEST/;

/** All single-cell rules for `value` in `column` of record `seq`. */
export function checkCell(column: ColumnSpec, value: string, seq: number): Issue[] {
  const where = at(seq, column);
  if (column.required === 'blank') {
    return value === '' ? [] : [makeIssue('notBlank', where, { name: column.name, no: column.no })];
  }
  if (value === '') {
    return column.required === 'required' ? [makeIssue('required', where, { name: column.name })] : [];
  }
  const issues: Issue[] = [];
  const length = charLength(value);
  if (length > column.maxLength) {
    issues.push(makeIssue('tooLong', where, { name: column.name, max: column.maxLength, actual: length }));
    if (length > Math.max(column.maxLength * HUGE_FACTOR, 1024)) return issues;
  }
  if (column.charClass !== 'jis') issues.push(...controlIssues(column, value, seq));
  if (column.charClass !== 'dn' && value !== value.trim()) issues.push(makeIssue('surroundingSpace', where, { name: column.name }));
  issues.push(...CLASS_CHECKS[column.charClass](column, value, seq));
  return issues;
}

type ClassCheck = (column: ColumnSpec, value: string, seq: number) => Issue[];

const none: ClassCheck = () => [];

const CLASS_CHECKS: Record<CharClassId, ClassCheck> = {
  dn: none, // dn-check.ts, with the record's profile
  empty: none,
  digits: checkDigits,
  serial: checkSerial,
  mail: (column, value, seq) => (MAIL.test(value) ? [] : [makeIssue('mailFormat', at(seq, column), { name: column.name })]),
  csr: checkCsrText,
  fqdn: (column, value, seq) => hostIssues(column, value, seq),
  dnsNames: checkDnsNamesColumn,
  jis: checkJisColumn,
  p12Name: (column, value, seq) => charsetIssues(column, value, seq, P12_NAME),
  pin: checkPin,
};

function controlIssues(column: ColumnSpec, value: string, seq: number): Issue[] {
  const m = CONTROL.exec(value);
  if (!m) return [];
  const pos = charLength(value.slice(0, m.index));
  return [makeIssue('controlChar', at(seq, column, pos), { name: column.name, cp: codePointLabel(m[0]), pos: pos + 1 })];
}

function charsetIssues(column: ColumnSpec, value: string, seq: number, set: typeof P12_NAME): Issue[] {
  const bad = firstDisallowed(value, set);
  if (!bad || CONTROL.test(bad.char)) return [];
  return [makeIssue('badChar', at(seq, column, bad.index), { name: column.name, char: bad.char, pos: bad.index + 1, allowed: set.description })];
}

function checkDigits(column: ColumnSpec, value: string, seq: number): Issue[] {
  if (!SERIAL_DECIMAL.test(value)) return [makeIssue('notDigits', at(seq, column), { name: column.name })];
  if (column.values && !column.values.includes(value)) {
    return [makeIssue('badValue', at(seq, column), { name: column.name, value, values: column.values.join(', ') })];
  }
  return [];
}

function checkSerial(column: ColumnSpec, value: string, seq: number): Issue[] {
  if (SERIAL_DECIMAL.test(value) || SERIAL_HEX.test(value)) return [];
  if (SERIAL_HEX_UPPER_PREFIX.test(value)) return [makeIssue('serialUpperPrefix', at(seq, column), { name: column.name })];
  return [makeIssue('serialFormat', at(seq, column), { name: column.name })];
}

/** Cheap checks on the CSR text; parsing and the key/DN rules run later (csr-rules.ts, async). */
function checkCsrText(column: ColumnSpec, value: string, seq: number): Issue[] {
  if (ARMOUR.test(value)) return [makeIssue('csrArmour', at(seq, column))];
  const bad = firstDisallowed(value, BASE64);
  if (!bad) return [];
  const detail =
    bad.char === ' ' || bad.char === '\u3000'
      ? { ja: '空白が含まれています。CSRは一行で、空白を入れずに記述してください。', en: 'It contains a space; write the CSR on one line without spaces.' }
      : { ja: `Base64で使用しない文字「${bad.char}」が含まれています（${bad.index + 1}文字目）。`, en: `"${bad.char}" (position ${bad.index + 1}) is not a base64 character.` };
  return [makeIssue('csrBase64', at(seq, column, bad.index), { detail })];
}

function hostIssues(column: ColumnSpec, host: string, seq: number, name = column.name): Issue[] {
  const problem = hostNameProblem(host);
  if (problem) return [makeIssue('hostSyntax', at(seq, column), { name, host, detail: problem })];
  return hasDomainPart(host) ? [] : [makeIssue('hostNoDomain', at(seq, column), { name, host })];
}

function checkDnsNamesColumn(column: ColumnSpec, value: string, seq: number): Issue[] {
  const parsed = parseDnsNames(value);
  const where = at(seq, column);
  const issues: Issue[] = [];
  if (parsed.trailingComma) issues.push(makeIssue('dnsNamesTrailingComma', where));
  if (parsed.oddKeys.length > 0) issues.push(makeIssue('dnsNamesKeyCase', where, { key: parsed.oddKeys[0] }));
  for (const m of parsed.malformed.slice(0, MAX_CHAR_ISSUES_PER_CELL)) issues.push(makeIssue('dnsNamesSyntax', where, { index: m.index, entry: m.entry }));
  const count = parsed.hosts.length + parsed.malformed.length;
  if (count > LIMITS.dnsNamesMaxEntries) issues.push(makeIssue('dnsNamesTooMany', where, { count }));
  const seen = new Set<string>();
  for (const host of parsed.hosts.slice(0, LIMITS.dnsNamesMaxEntries * 2)) {
    issues.push(...hostIssues(column, host, seq));
    const key = host.toLowerCase();
    if (seen.has(key)) issues.push(makeIssue('dnsNamesDuplicate', where, { host }));
    seen.add(key);
  }
  return issues;
}

function checkJisColumn(column: ColumnSpec, value: string, seq: number): Issue[] {
  const issues: Issue[] = [];
  for (const bad of checkJis(value).slice(0, MAX_CHAR_ISSUES_PER_CELL)) {
    const where = at(seq, column, bad.index);
    const params = { name: column.name, pos: bad.index + 1, char: bad.char, cp: codePointLabel(bad.char), suggestion: suggestionText(bad.suggestion) };
    if (bad.reason === 'control') issues.push(makeIssue('controlChar', where, params));
    else if (column.field === 'reasonComment') issues.push(makeIssue('commentBadChar', where, params));
    else issues.push(makeIssue('nonJis', where, params));
  }
  return issues;
}

function checkPin(column: ColumnSpec, value: string, seq: number): Issue[] {
  const issues = charsetIssues(column, value, seq, PIN);
  const length = charLength(value);
  if (length < LIMITS.pinMinLength) issues.push(makeIssue('pinLength', at(seq, column), { name: column.name, actual: length }));
  return issues;
}
