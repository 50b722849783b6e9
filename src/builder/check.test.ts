import { describe, expect, it } from 'vitest';
import { KINDS } from '../spec/kinds';
import { runSyncRules } from '../tsv/validate';
import { checkSheet } from './check';
import { newRowCells } from './defaults';

const O = 'National Institute of Informatics';
// Sync rules only (no CSR parsing): a blank CSR is an error of its own, which these tests ignore.
const serverRow = (cn: string) => [`CN=${cn},O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`, '3', '', '', '', '', '', '', '', 'admin@nii.ac.jp', cn, 'nginx', ''];
const codesOf = (check: ReturnType<typeof checkSheet>, row: number) => (check.byRow.get(row) ?? []).map((i) => i.code);

describe('checkSheet across the split-file boundary', () => {
  it('150 server rows: row 120 repeats the CN of row 5 in the other file → 212 on row 120 only, naming row 5', () => {
    const rows = Array.from({ length: 150 }, (_, i) => serverRow(`h${i + 1}.nii.ac.jp`));
    rows[119] = serverRow('H5.nii.ac.jp');
    const check = checkSheet(KINDS['server-issue'], rows);
    expect(check.files.map((f) => f.part.items.length)).toEqual([99, 51]);
    const dup = (check.byRow.get(119) ?? []).filter((i) => i.code === '212');
    expect(dup).toHaveLength(1);
    expect(dup[0].hint?.ja).toContain('5行目');
    expect(dup[0].hint?.en).toContain('record 5');
    // seq stays the record's number inside its own file (the 21st of file 2).
    expect(dup[0].seq).toBe(21);
    expect(codesOf(check, 4)).not.toContain('212');
    expect(check.files[1].errors).toBeGreaterThanOrEqual(1);
  });

  it('within one file, the finding names the grid row, and is not reported twice', () => {
    const rows = [serverRow('a.nii.ac.jp'), serverRow('b.nii.ac.jp'), serverRow('a.nii.ac.jp')];
    const check = checkSheet(KINDS['server-issue'], rows);
    expect(codesOf(check, 2).filter((c) => c === '212')).toHaveLength(1);
    expect(codesOf(check, 0)).not.toContain('212');
  });

  it('client revoke: a serial repeated in the next 99-row file (0x3E8 = 1000) → U307 naming row 1', () => {
    const dn = (i: number) => `CN=USER ${i},OU=${String(i).padStart(7, '0')},O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`;
    const rows = Array.from({ length: 100 }, (_, i) => [dn(i), '', '', String(1000 + i), '0', '', '', '', '', '', '', '', '', '', '']);
    rows[99][3] = '0x3E8'; // = 1000, the serial of row 1
    const check = checkSheet(KINDS['client-revoke'], rows);
    expect(check.files).toHaveLength(2);
    const dup = (check.byRow.get(99) ?? []).filter((i) => i.code === 'U307');
    expect(dup).toHaveLength(1);
    expect(dup[0].message.ja).toContain('1行目');
  });
});

describe('checkSheet and the kind guess', () => {
  it('a blank new server row: the validator guesses another kind (U111), the builder, where the kind was chosen, does not report it', () => {
    const spec = KINDS['server-issue'];
    const rows = [newRowCells(spec, null, { profileId: '3' })];
    const records = rows.map((cells, i) => ({ seq: i + 1, cells: [...cells] }));
    // The premise: for the uploaded-file check these cells do look like another kind.
    expect(runSyncRules(spec, records, {}, []).fileIssues.map((i) => i.code)).toContain('U111');
    const check = checkSheet(spec, rows);
    const all = [...check.files.flatMap((f) => f.fileIssues), ...[...check.byRow.values()].flat()];
    expect(all.map((i) => i.code)).not.toContain('U111');
  });
});
