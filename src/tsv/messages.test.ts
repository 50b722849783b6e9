// The catalogue and its documentation stay in step; placeholders are filled; the RA line has NII's shape.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssueLines, formatRaLine } from './format';
import { makeIssue } from './issue';
import { MESSAGES, renderMessage } from './messages';

const codesDoc = readFileSync(new URL('../../docs/codes.md', import.meta.url), 'utf8');

describe('catalogue', () => {
  it('is documented in docs/codes.md, entry by entry, with its severity', () => {
    for (const [id, def] of Object.entries(MESSAGES)) {
      expect(codesDoc, id).toContain(`| ${def.code} | ${def.severity} | \`${id}\` |`);
    }
  });

  it("uses NII's texts for NII's codes (ADDENDUM A)", () => {
    expect(MESSAGES.required.ja).toBe('{name}は入力必須項目です。');
    expect(MESSAGES.tooLong.ja).toBe('{name}は{max}桁以内で入力してください。');
    expect(MESSAGES.duplicateDn.ja).toBe('指定したDNはすでに存在しています。');
    expect(MESSAGES.emptyFile.ja).toBe('申請ファイルに入力がありません。');
    expect(MESSAGES.organizationMismatch.code).toBe('241');
  });

  it('gives one severity per code', () => {
    const severity = new Map<string, string>();
    for (const def of Object.values(MESSAGES)) {
      expect(severity.get(def.code) ?? def.severity, def.code).toBe(def.severity);
      severity.set(def.code, def.severity);
    }
  });

  it('fills placeholders in both languages, picking the language of a Text parameter', () => {
    const { message } = renderMessage('required', { name: { ja: '利用者mail', en: 'User e-mail' } });
    expect(message).toEqual({ ja: '利用者mailは入力必須項目です。', en: 'User e-mail is required.' });
    const { hint } = renderMessage('tooLong', { name: 'X', max: 64, actual: 70 });
    expect(hint?.ja).toBe('現在70文字です。');
  });

  it('leaves an unknown placeholder visible rather than dropping it', () => {
    expect(renderMessage('required').message.ja).toBe('{name}は入力必須項目です。');
  });
});

describe('formatRaLine', () => {
  it('writes code:column,name,message like the RA screen', () => {
    const issue = makeIssue('duplicateDn', { seq: 2, column: 1 }, { otherSeq: 1, what: 'CN' });
    expect(formatRaLine(issue, 'client-issue')).toBe('212:1,主体者DN,指定したDNはすでに存在しています。');
    expect(formatRaLine(issue, 'client-issue', 'en')).toBe('212:1,Subject DN,The specified DN already exists.');
  });

  it('writes code:message for file-level issues', () => {
    expect(formatRaLine(makeIssue('emptyFile', { seq: 0 }), 'server-issue')).toBe('213:申請ファイルに入力がありません。');
  });

  it('prefixes SEQ and severity in formatIssueLines', () => {
    const lines = formatIssueLines([makeIssue('required', { seq: 3, column: 10 }, { name: '利用管理者mail' })], 'server-issue');
    expect(lines).toEqual(['3\terror\t201:10,利用管理者mail,利用管理者mailは入力必須項目です。']);
  });
});
