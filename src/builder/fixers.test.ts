import { describe, expect, it } from 'vitest';
import { KINDS, columnOf } from '../spec/kinds';
import { checkCell } from '../tsv/columns';
import { fixAll, fixesFor, replaceKnownChars, trimSpaces, urlToHost } from './fixers';

const col = (field: Parameters<typeof columnOf>[1], kind: keyof typeof KINDS = 'server-issue') => columnOf(kind, field)!;

describe('one-click fixers', () => {
  it('full-width ASCII → half-width in ASCII columns, and the validator names 全角 with every position', () => {
    const mail = col('adminMail');
    const value = 'ａｄｍｉｎ＠example.ac.jp';
    const issues = checkCell(mail, value, 1);
    expect(issues.map((i) => i.code)).toEqual(['U219']);
    expect(issues[0].message.ja).toContain('全角文字「ａｄｍｉｎ＠」');
    expect(issues[0].message.ja).toContain('1, 2, 3, 4, 5, 6文字目');
    expect(issues[0].hint?.ja).toContain('admin@example.ac.jp');
    const fixes = fixesFor(mail, value);
    expect(fixes.map((f) => [f.fixer.id, f.result])).toEqual([['halfWidth', 'admin@example.ac.jp']]);
    expect(checkCell(mail, fixes[0].result, 1)).toEqual([]);
    // A JIS column keeps its full-width text (国立　太郎 is right there).
    expect(fixesFor(col('adminName'), '国立　太郎')).toEqual([]);
  });

  it('replaces 髙, ①, ㈱ with what JIS X 0208 has', () => {
    expect(replaceKnownChars('髙橋①㈱')).toBe('高橋(1)(株)');
    const name = col('adminDept');
    const fixes = fixesFor(name, '髙橋研究室①');
    expect(fixes.map((f) => [f.fixer.id, f.result])).toEqual([['replaceChars', '高橋研究室(1)']]);
    expect(checkCell(name, fixes[0].result, 1)).toEqual([]);
    // A character with no known replacement is left for the user.
    expect(replaceKnownChars('𩸽')).toBe('𩸽');
  });

  it('removes stray spaces, also around the DN separators', () => {
    expect(trimSpaces(' www.example.ac.jp　', col('fqdn'))).toBe('www.example.ac.jp');
    expect(trimSpaces('CN = www.example.ac.jp , O=E', col('dn'))).toBe('CN=www.example.ac.jp,O=E');
    // Spaces inside a DN value stay (O=National Institute of Informatics).
    expect(trimSpaces('CN=x,O=National Institute of Informatics', col('dn'))).toBe('CN=x,O=National Institute of Informatics');
    expect(fixesFor(col('software'), 'nginx ').map((f) => f.fixer.id)).toEqual(['spaces']);
  });

  it('turns a URL pasted as FQDN into the host name', () => {
    expect(urlToHost('https://WWW.example.ac.jp:8443/path?q=1')).toBe('www.example.ac.jp');
    expect(urlToHost('www.example.ac.jp')).toBe('www.example.ac.jp');
    const fqdn = col('fqdn');
    expect(fixesFor(fqdn, 'https://www.example.ac.jp/').map((f) => f.result)).toEqual(['www.example.ac.jp']);
    expect(checkCell(fqdn, 'www.example.ac.jp', 1)).toEqual([]);
  });

  it('applies every fix of a cell at once', () => {
    expect(fixAll(col('fqdn'), ' ｈｔｔｐｓ://www.example.ac.jp/ ')).toBe('www.example.ac.jp');
    expect(fixAll(col('adminName'), ' 髙橋　一郎 ')).toBe('高橋　一郎');
  });
});
