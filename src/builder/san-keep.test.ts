import { describe, expect, it } from 'vitest';
import { KINDS } from '../spec/kinds';
import { checkSheetFull } from './check';
import { droppedDnsNameIssues } from './san-keep';

const spec = KINDS['server-renew'];
const cells = (fqdn: string, sans: string) => {
  const c = Array.from({ length: 13 }, () => '');
  c[10] = fqdn;
  c[12] = sans;
  return c;
};
const meta = { oldDnsNames: ['www.example.ac.jp', 'a.example.ac.jp', 'b.example.ac.jp'] };

describe('dropped host names on renewal (U308)', () => {
  it('is silent while every old name is still covered (case-insensitive, FQDN counts)', () => {
    expect(droppedDnsNameIssues(spec, { seq: 1, cells: cells('WWW.example.ac.jp', 'dNSName=a.example.ac.jp,dNSName=B.example.ac.jp'), meta })).toEqual([]);
  });

  it('warns once per old name no longer listed, on column 13', () => {
    const issues = droppedDnsNameIssues(spec, { seq: 2, cells: cells('www.example.ac.jp', 'dNSName=a.example.ac.jp'), meta });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ seq: 2, column: 13, code: 'U308', severity: 'warning' });
    expect(issues[0].message.ja).toContain('b.example.ac.jp');
  });

  it('needs the remembered names and a renew kind', () => {
    expect(droppedDnsNameIssues(spec, { seq: 1, cells: cells('', ''), meta: undefined })).toEqual([]);
    expect(droppedDnsNameIssues(KINDS['server-issue'], { seq: 1, cells: cells('', ''), meta })).toEqual([]);
  });

  it('reaches the grid row through the full check', async () => {
    const result = await checkSheetFull(spec, [cells('www.example.ac.jp', '')], [meta]);
    expect((result.byRow.get(0) ?? []).filter((i) => i.code === 'U308')).toHaveLength(2);
  });
});
