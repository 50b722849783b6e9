// Checks on what the user types before a key and CSR are made: institution (O, ST, L), CN and SAN names.
// The rules themselves are data in spec/dn-rules.ts (server family) and spec/profiles.ts LIMITS; this file
// only applies them to single values. Errors only: a length the spec marks 'warning' is reported as one.
import { charLength, DN_RULES, dnsNameEntryHost, firstDisallowed, LIMITS, type DnAttributeRule, type Text } from '../spec';
import type { ServerSubject } from './name';

export type SubjectField = 'CN' | 'O' | 'ST' | 'L' | 'SAN' | 'passphrase';

export interface SubjectIssue {
  field: SubjectField;
  /** NII's code where its list covers the rule (201 required, 202 length, 206 format), ours otherwise. */
  code: string;
  severity: 'error' | 'warning';
  message: Text;
}

export type Institution = Pick<ServerSubject, 'o' | 'st' | 'l'>;

const RULES = DN_RULES.server.attributes;

function issue(field: SubjectField, code: string, message: Text, severity: 'error' | 'warning' = 'error'): SubjectIssue {
  return { field, code, severity, message };
}

/** FQDN syntax beyond the character set: 「先頭と末尾に"."と"-"は使用不可」, plus no empty label and at least one dot. */
function fqdnProblem(value: string): Text | null {
  if (/^[.-]|[.-]$/.test(value))
    return { ja: '先頭と末尾に「.」と「-」は使用できません。', en: 'It must not start or end with "." or "-".' };
  if (value.includes('..')) return { ja: '「..」（空のラベル）は使用できません。', en: 'It must not contain an empty label ("..").' };
  if (!value.includes('.'))
    return { ja: 'FQDN（例: www.example.ac.jp）を入力してください。', en: 'Enter a fully qualified domain name (e.g. www.example.ac.jp).' };
  return null;
}

/** Apply one attribute rule of spec/dn-rules.ts to one value. */
function checkValue(field: SubjectField, rule: DnAttributeRule, value: string): SubjectIssue[] {
  const name = rule.name;
  if (value === '') return rule.required ? [issue(field, '201', { ja: `${name.ja}は入力必須項目です`, en: `${name.en} is required.` })] : [];
  const issues: SubjectIssue[] = [];
  const bad = firstDisallowed(value, rule.charset);
  if (bad)
    issues.push(
      issue(field, '206', {
        ja: `${name.ja}に使用できない文字「${bad.char}」があります（${bad.index + 1}文字目）。使用可能: ${rule.charset.description.ja}`,
        en: `${name.en} contains "${bad.char}" (character ${bad.index + 1}), which is not allowed. Allowed: ${rule.charset.description.en}`,
      }),
    );
  if (rule.maxLength && charLength(value) > rule.maxLength)
    issues.push(
      issue(
        field,
        '202',
        { ja: `${name.ja}は${rule.maxLength}桁以内で入力してください`, en: `${name.en} must be at most ${rule.maxLength} characters.` },
        rule.maxLengthSeverity ?? 'error',
      ),
    );
  const lower = value.toLowerCase();
  const word = rule.forbiddenWords?.find((w) => lower.includes(w.toLowerCase()));
  if (word)
    issues.push(
      issue(field, 'dn-forbidden-word', {
        ja: `${name.ja}に「${word}」を含めることはできません（NII の DN ルール）。`,
        en: `${name.en} must not contain "${word}" (NII's DN rules).`,
      }),
    );
  const whole = rule.forbiddenWhole?.find((w) => lower.trim() === w.toLowerCase());
  if (whole)
    issues.push(
      issue(field, 'dn-forbidden-value', {
        ja: `${name.ja}を「${whole}」だけにすることはできません（NII の DN ルール）。`,
        en: `${name.en} must not be "${whole}" alone (NII's DN rules).`,
      }),
    );
  if (rule.fqdn && !bad) {
    const problem = fqdnProblem(value);
    if (problem) issues.push(issue(field, 'dn-fqdn', { ja: `${name.ja}: ${problem.ja}`, en: `${name.en}: ${problem.en}` }));
  }
  return issues;
}

/** O, ST and L of a saved institution profile (server rules, which are the stricter ones). */
export function validateInstitution(inst: Institution): SubjectIssue[] {
  return [...checkValue('O', RULES.O!, inst.o), ...checkValue('ST', RULES.ST!, inst.st), ...checkValue('L', RULES.L!, inst.l)];
}

/** dNSName entries for the SAN extension (SPEC §5.1 column 13; ADDENDUM B.6). */
export function validateDnsNames(names: readonly string[]): SubjectIssue[] {
  const issues: SubjectIssue[] = [];
  const rule: DnAttributeRule = { ...RULES.CN!, name: { ja: 'dNSName', en: 'dNSName' } };
  names.forEach((n) => issues.push(...checkValue('SAN', rule, n).map((i) => ({ ...i, message: withHost(i.message, n) }))));
  if (names.length > LIMITS.dnsNamesMaxEntries)
    issues.push(
      issue('SAN', 'dns-names-count', {
        ja: `dNSNameは${LIMITS.dnsNamesMaxEntries}つまで指定可能です（${names.length}個あります）。`,
        en: `At most ${LIMITS.dnsNamesMaxEntries} dNSNames are allowed (${names.length} given).`,
      }),
    );
  return issues;
}

function withHost(message: Text, host: string): Text {
  return { ja: `「${host}」: ${message.ja}`, en: `"${host}": ${message.en}` };
}

/** CN, O, ST, L and SAN names of a server CSR. Only errors stop generation; warnings are for display. */
export function validateServerSubject(subject: ServerSubject, dnsNames: readonly string[] = []): SubjectIssue[] {
  return [...checkValue('CN', RULES.CN!, subject.cn), ...validateInstitution(subject), ...validateDnsNames(dnsNames)];
}

export function hasErrors(issues: readonly SubjectIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/** Split a user's SAN list ("a.example.jp, b.example.jp", one per line, or "dNSName=a,dNSName=b"), trimmed, empty entries and duplicates removed. */
export function parseDnsNameList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[\s,]+/)) {
    const name = (dnsNameEntryHost(raw) ?? raw).trim(); // accept the TSV column form too
    if (name && !seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      out.push(name);
    }
  }
  return out;
}
