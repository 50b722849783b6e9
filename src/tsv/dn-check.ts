// Subject DN checks (TSV column 1 and CSR subjects), driven by spec/dn-rules (SPEC §3; ADDENDUM A, B.5, B.9).
import { parseDnStringDetailed, type Rdn, type WrittenRdn } from '../pki/dn';
import { charLength, firstDisallowed } from '../spec/charsets';
import { DN_RULES, type DnAttributeRule, type DnRules } from '../spec/dn-rules';
import { hasDomainPart, hostNameProblem } from '../spec/hostname';
import type { DnAttributeKey, Family, Text } from '../spec/types';
import { makeIssue, type Where } from './issue';
import type { Issue } from './types';

export interface DnCheckOptions {
  /** S/MIME rows: a missing L or ST is a warning (ADDENDUM B.5). */
  smime?: boolean;
  /** CSR subjects: order and forbidden attributes are reported by csr-rules with CSR wording. */
  fromCsr?: boolean;
}

export interface DnCheckResult {
  issues: Issue[];
  /** The parsed RDNs (TSV order as written) when the string could be split. */
  rdns?: Rdn[];
}

const DN_NAME: Text = { ja: '主体者DN', en: 'Subject DN' };
/** A value that still contains ",KEY=" after splitting: an attribute we do not know, or a typo. */
const EMBEDDED_KEY = /,\s*[A-Z][A-Z0-9.-]*\s*=/i;

/** Check a DN string as written in TSV column 1. */
export function checkDnString(family: Family, text: string, where: Where, options: DnCheckOptions = {}): DnCheckResult {
  const parsed = parseDnStringDetailed(text);
  if (!parsed.ok) {
    const detail: Text =
      parsed.reason === 'empty'
        ? { ja: '値がありません。', en: 'It is empty.' }
        : {
            ja: `「${parsed.part ?? ''}」は「属性名=値」の形式ではありません（使用できる属性名: ${DN_RULES[family].order.join(', ')}）。`,
            en: `"${parsed.part ?? ''}" is not "KEY=value" (keys: ${DN_RULES[family].order.join(', ')}).`,
          };
    return { issues: [makeIssue('dnFormat', where, { name: DN_NAME, detail })] };
  }
  // Code-point offsets of the values in the cell, so that a bad character can be highlighted.
  const offsets = parsed.rdns.map((r) => charLength(text.slice(0, r.valueOffset)));
  const issues = [...writtenKeyIssues(parsed.rdns, where), ...checkRdns(family, parsed.rdns, where, options, offsets)];
  return { issues, rdns: parsed.rdns.map(({ key, value }) => ({ key, value })) };
}

function writtenKeyIssues(rdns: readonly WrittenRdn[], where: Where): Issue[] {
  const issues: Issue[] = [];
  for (const rdn of rdns) {
    const key = rdn.rawKey.trim();
    if (rdn.rawKey !== key) issues.push(makeIssue('dnValueSpace', where, { attr: rdn.key }));
    if (key !== key.toUpperCase()) issues.push(makeIssue('dnLowercaseKey', where, { key, upper: key.toUpperCase() }));
  }
  return issues;
}

/** Check RDNs in TSV order (CN first) against the family's rules; `offsets` locate each value in the cell. */
export function checkRdns(family: Family, rdns: readonly Rdn[], where: Where, options: DnCheckOptions = {}, offsets?: readonly number[]): Issue[] {
  const rules = DN_RULES[family];
  const issues: Issue[] = [];
  if (!options.fromCsr) {
    issues.push(...forbiddenIssues(rules, rdns, where));
    issues.push(...orderIssues(rules, rdns, where));
  }
  issues.push(...presenceIssues(rules, rdns, where, options));
  rdns.forEach((rdn, i) => {
    const rule = rules.attributes[rdn.key];
    if (rule) issues.push(...valueIssues(rule, rdn.value, where, offsets?.[i]));
  });
  return issues;
}

function forbiddenIssues(rules: DnRules, rdns: readonly Rdn[], where: Where): Issue[] {
  const issues: Issue[] = [];
  for (const f of rules.forbidden) {
    if (rdns.some((r) => r.key === f.key)) issues.push(makeIssue('dnForbidden', where, { attr: f.key, reason: f.reason }));
  }
  return issues;
}

function orderIssues(rules: DnRules, rdns: readonly Rdn[], where: Where): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<DnAttributeKey>();
  let lastRank = -1;
  let outOfOrder = false;
  for (const rdn of rdns) {
    const rank = rules.order.indexOf(rdn.key);
    if (rank < 0) continue; // forbidden: reported above
    if (seen.has(rdn.key) && !rules.attributes[rdn.key]?.repeatable) {
      issues.push(makeIssue('dnDuplicate', where, { attr: rdn.key }));
    }
    if (rank < lastRank) outOfOrder = true;
    lastRank = Math.max(lastRank, rank);
    seen.add(rdn.key);
  }
  if (outOfOrder) {
    const order = rules.order.join(',');
    const actual = rdns.map((r) => r.key).join(',');
    issues.unshift(
      makeIssue('dnFormat', where, {
        name: DN_NAME,
        detail: { ja: `"${order}"の順序で記述してください（現在: ${actual}）。`, en: `Write the RDNs in the order ${order} (now: ${actual}).` },
      }),
    );
  }
  return issues;
}

function presenceIssues(rules: DnRules, rdns: readonly Rdn[], where: Where, options: DnCheckOptions): Issue[] {
  const has = (key: DnAttributeKey) => rdns.some((r) => r.key === key);
  const issues: Issue[] = [];
  for (const rule of Object.values(rules.attributes)) {
    if (rule?.required && !has(rule.key)) issues.push(makeIssue('dnMissing', where, { attr: rule.key }));
  }
  for (const group of rules.atLeastOneOf) {
    if (!group.some(has)) {
      issues.push(makeIssue('dnNeedLOrSt', where));
      continue;
    }
    if (options.smime) {
      for (const key of rules.smimeExpected) if (!has(key)) issues.push(makeIssue('dnSmimeMissing', where, { attr: key }));
    }
  }
  return issues;
}

/** Rules on one attribute value (shared with the CSR subject check). `offset`: where the value starts in the cell. */
export function valueIssues(rule: DnAttributeRule, value: string, cellWhere: Where, offset?: number): Issue[] {
  const attr = rule.key;
  const where: Where = offset === undefined ? cellWhere : { ...cellWhere, position: offset };
  if (value.trim() === '') return [makeIssue('dnEmptyValue', where, { attr })];
  const issues: Issue[] = [];
  if (value !== value.trim()) issues.push(makeIssue('dnValueSpace', where, { attr }));
  const length = charLength(value);
  if (rule.maxLength !== undefined && length > rule.maxLength) {
    const id = rule.maxLengthSeverity === 'warning' ? 'dnTooLongOpen' : 'dnTooLong';
    issues.push(makeIssue(id, where, { attr, max: rule.maxLength, actual: length }));
  }
  if (rule.values && !rule.values.includes(value)) {
    if (attr === 'C') issues.push(makeIssue('dnCountry', where));
    return issues;
  }
  const embedded = EMBEDDED_KEY.exec(value);
  if (embedded) issues.push(makeIssue('dnEmbeddedKey', where, { attr, text: embedded[0] }));
  if (rule.fqdn) {
    const problem = hostNameProblem(value);
    const name = { ja: '主体者DNのCN', en: 'The CN of the subject DN' };
    if (problem) issues.push(makeIssue('hostSyntax', where, { name, host: value, detail: problem }));
    else if (!hasDomainPart(value)) issues.push(makeIssue('hostNoDomain', where, { name, host: value }));
    return issues;
  }
  const bad = firstDisallowed(value, rule.charset);
  if (bad) {
    const at = offset === undefined ? where : { ...where, position: offset + bad.index };
    issues.push(makeIssue('dnBadChar', at, { attr, char: bad.char, allowed: rule.charset.description }));
  }
  issues.push(...wordIssues(rule, value, where));
  return issues;
}

function wordIssues(rule: DnAttributeRule, value: string, where: Where): Issue[] {
  const lower = value.toLowerCase();
  const issues: Issue[] = [];
  for (const word of rule.forbiddenWords ?? []) {
    if (lower.includes(word.toLowerCase())) issues.push(makeIssue('dnLocalityWord', where, { word }));
  }
  if ((rule.forbiddenWhole ?? []).some((w) => w.toLowerCase() === lower.trim())) issues.push(makeIssue('dnLocalityCity', where));
  return issues;
}

/** The CN value of parsed RDNs, if exactly one is present. */
export function cnOf(rdns: readonly Rdn[] | undefined): string | undefined {
  const cns = rdns?.filter((r) => r.key === 'CN') ?? [];
  return cns.length === 1 ? cns[0].value : undefined;
}
