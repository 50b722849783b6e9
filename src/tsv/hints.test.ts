import { describe, expect, it } from 'vitest';
import { KINDS } from '../spec/kinds';
import { clientIssueRow, clientRevokeRow, serverIssueRow } from './fixtures';
import { fixHint } from './hints';
import { makeIssue } from './issue';
import { validateRecords } from './validate';

describe('fixHint', () => {
  it("keeps a rule's own hint", () => {
    const issue = makeIssue('tooManyRecords', { seq: 0 }, { count: 100, max: 99 });
    expect(fixHint(issue, 'server-issue')).toEqual(issue.hint);
    expect(fixHint(issue, 'server-issue')?.ja).toContain('上限は99件');
  });

  it("explains the column when NII's text has no hint (201 on 利用管理者mail)", () => {
    const report = validateRecords('client-issue', [{ seq: 1, cells: clientIssueRow({ adminMail: '' }) }]);
    const issue = report.records[0].issues.find((i) => i.code === '201');
    expect(issue?.hint).toBeUndefined();
    const hint = fixHint(issue!, 'client-issue');
    expect(hint?.ja).toContain('利用管理者mail:');
    expect(hint?.ja).toContain('例: xxxxx@example.com');
    expect(hint?.en).toContain('e.g. xxxxx@example.com');
  });

  it('has nothing to add for a file-level issue without a hint', () => {
    expect(fixHint(makeIssue('emptyFile', { seq: 0 }), 'client-issue')).toBeUndefined();
  });

  it('gives every column problem of a row full of mistakes a hint', () => {
    const rows = [
      { kind: 'client-issue' as const, cells: clientIssueRow({ dn: 'CN=A,O=NII,C=US', profile: '9', method: 'x', adminMail: '', pin: 'a b', p12Name: 'a/b' }) },
      { kind: 'server-issue' as const, cells: serverIssueRow({ dn: 'CN=-bad,OU=X,O=NII,C=JP', fqdn: 'other', dnsNames: 'dNSName=a,', software: '' }) },
      { kind: 'client-revoke' as const, cells: [...clientRevokeRow({ reason: '2' }).slice(0, 14), 'pin'] },
    ];
    for (const { kind, cells } of rows) {
      const issues = validateRecords(kind, [{ seq: 1, cells }]).records[0].issues.filter((i) => i.column !== undefined);
      expect(issues.length).toBeGreaterThan(1);
      for (const issue of issues) expect(fixHint(issue, kind)?.ja, `${kind} ${issue.code}`).toMatch(/\S/);
    }
    expect(KINDS['client-revoke'].columns[14].help.ja).toContain('空');
  });
});
