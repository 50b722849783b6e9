// The host-name rule shared by server CN, 利用管理者FQDN and dNSName entries (SPEC §3.1, §5.1):
// 「半角英数字、"."、"-"のみ使用可能。また、先頭と末尾に"."と"-"は使用不可」. We add what no FQDN can have
// (an empty label, a label over 63 octets, RFC 1035) as errors; a name without a dot is only a warning.
import { firstDisallowed, HOST } from './charsets';
import type { Text } from './types';

/** What is wrong with `host` as an FQDN, or null when it is fine. */
export function hostNameProblem(host: string): Text | null {
  const bad = firstDisallowed(host, HOST);
  if (bad) {
    return {
      ja: `使用できない文字「${bad.char}」が含まれています（${bad.index + 1}文字目）。半角英数字、「.」「-」のみ使用できます。`,
      en: `It contains "${bad.char}" (position ${bad.index + 1}); only ASCII letters, digits, "." and "-" are allowed.`,
    };
  }
  if (/^[.-]|[.-]$/.test(host)) return { ja: '先頭と末尾に「.」と「-」は使用できません。', en: 'It must not start or end with "." or "-".' };
  if (host.includes('..')) return { ja: '「..」（空のラベル）は使用できません。', en: 'It must not contain an empty label ("..").' };
  if (host.split('.').some((label) => label.length > 63)) {
    return { ja: '「.」で区切られた各部分は63文字以内にしてください。', en: 'Each dot-separated label must be at most 63 characters.' };
  }
  return null;
}

/** A name with at least one dot can lie inside a registered domain; "localhost" cannot. */
export function hasDomainPart(host: string): boolean {
  return host.includes('.');
}
