// KINDS checked against the manual itself (003 chapter 5, 5-3-1 … 5-4-3), transcribed here column by column:
// number, 項目名称, 必須 mark, 文字 label and サイズ exactly as printed. Where the code departs from the print, the
// departure is listed in DEPARTURES with its reason (docs/tsv-formats.md "Where the manual contradicts itself").
import { describe, expect, it } from 'vitest';
import { KINDS } from './kinds';
import type { CharClassId, ColumnSpec, KindId } from './types';

type Mark = '○' | '△' | '○※' | '' | '空白';
/** [項目名称, 必須, 文字, サイズ]; a 「空白」 row is just '空白'. */
type Row = readonly [string, Mark, string, number] | '空白';

const DN = (): Row => ['主体者DN', '○', '半角英数字記号', 250];
const ADMIN: Row[] = [
  ['利用管理者氏名', '△', '全角、半角', 64],
  ['利用管理者所属', '△', '全角、半角', 64],
];
const SERVER_TAIL: Row[] = [
  ['CSR', '○', '半角英数字', 2048],
  ...ADMIN,
  ['利用管理者mail', '○', '半角英数字', 78],
  ['利用管理者FQDN', '○', '半角英数字記号', 64],
  ['利用管理者ソフトウェア名・バージョン', '○', '全角、半角', 128],
  ['dNSName', '△', '半角英数字記号', 250],
];
const CLIENT_HEAD: Row[] = [
  ['証明書プロファイルID', '○', '半角数字', 2],
  ['ダウンロード方法', '○', '半角数字', 1],
];
const CLIENT_TAIL: Row[] = [
  ...ADMIN,
  ['利用管理者mail', '○', '半角英数字', 78],
  ['利用者氏名', '△', '全角、半角', 64],
  ['P12ダウンロードファイル名', '△', '半角英数字', 64],
  ['利用者所属', '△', '全角、半角', 64],
  ['利用者mail', '○※', '半角英数字', 78],
  ['アクセスPIN', '△', '半角英数記号', 36],
];
const REVOKE_MIDDLE = (serialSize: number): Row[] => [
  ['失効対象証明書シリアル番号', '○', '半角数字', serialSize],
  ['失効理由', '○', '半角数字', 1],
  ['失効理由コメント', '△', '全角、半角', 128],
  '空白',
  '空白',
  '空白',
  ['利用管理者mail', '△', '半角英数字', 78],
  '空白',
  '空白',
  '空白',
];

const MANUAL: Record<KindId, Row[]> = {
  'server-issue': [DN(), ['証明書プロファイルID', '○', '半角数字', 2], '空白', '空白', '空白', '空白', ...SERVER_TAIL],
  'server-renew': [
    DN(),
    ['証明書プロファイルID', '○', '半角数字', 1],
    '空白',
    ['失効対象証明書シリアル番号', '○', '半角英数字', 50],
    '空白',
    '空白',
    ...SERVER_TAIL,
  ],
  'server-revoke': [DN(), '空白', '空白', ...REVOKE_MIDDLE(50)],
  'client-issue': [DN(), ...CLIENT_HEAD, '空白', '空白', '空白', '空白', ...CLIENT_TAIL],
  'client-renew': [DN(), ...CLIENT_HEAD, ['更新対象証明書シリアル番号', '○', '半角英数字', 32], '空白', '空白', '空白', ...CLIENT_TAIL],
  'client-revoke': [
    DN(),
    '空白',
    '空白',
    ...REVOKE_MIDDLE(32),
    ['利用者mail', '△', '半角英数字', 78],
    ['アクセスPIN', '', '半角英数記号', 36],
  ],
};

/** Where the code knowingly departs from the print: `kind:column` → what differs and why. */
const DEPARTURES: Record<string, { required?: ColumnSpec['required']; maxLength?: number; why: string }> = {
  'server-renew:2': { maxLength: 2, why: 'IC-1: the cell itself lists 11; 5-3-1 prints 2' },
  'client-issue:12': { required: 'conditional', why: '「プロファイルIDが6,7かつ…必須」, read as 7/15/16 (ADDENDUM B.8)' },
  'client-renew:12': { required: 'conditional', why: 'as client-issue:12' },
  'client-issue:15': { required: 'conditional', why: 'only with method 2, never for S/MIME (5-4-1 remark, ADDENDUM B.10)' },
  'client-renew:15': { required: 'conditional', why: 'as client-issue:15' },
  'client-revoke:15': { required: 'blank', maxLength: 0, why: 'no mark and no remark in 5-4-3: must be empty (ADDENDUM B.7)' },
};

const MARKS: Record<Exclude<Mark, '空白'>, ColumnSpec['required']> = { '○': 'required', '△': 'optional', '○※': 'conditional', '': 'blank' };

/** Which code classes can implement each printed 文字 label (the labels are loose: IC-3, IC-25). */
const CLASSES: Record<string, readonly CharClassId[]> = {
  半角英数字記号: ['dn', 'fqdn', 'dnsNames'],
  半角英数字: ['csr', 'mail', 'serial', 'p12Name'],
  半角数字: ['digits', 'serial'],
  '全角、半角': ['jis'],
  半角英数記号: ['pin', 'empty'],
};

describe('KINDS against the manual (003 chapter 5)', () => {
  for (const id of Object.keys(MANUAL) as KindId[]) {
    it(`${KINDS[id].section} ${KINDS[id].title.ja}: every column as printed, or a listed departure`, () => {
      const printed = MANUAL[id];
      expect(KINDS[id].columns).toHaveLength(printed.length);
      printed.forEach((row, i) => {
        const column = KINDS[id].columns[i];
        const at = `${id}:${i + 1}`;
        if (row === '空白') {
          expect(column, at).toMatchObject({ no: i + 1, required: 'blank', charClass: 'empty', maxLength: 0 });
          return;
        }
        const [name, mark, label, size] = row;
        const departure = DEPARTURES[at];
        expect(column.name.ja, at).toBe(name);
        expect(column.required, at).toBe(departure?.required ?? MARKS[mark as Exclude<Mark, '空白'>]);
        expect(column.maxLength, at).toBe(departure?.maxLength ?? size);
        expect(CLASSES[label], at).toContain(column.charClass);
      });
    });
  }

  it('lists only departures that really depart (a fixed code or a wrong list fails here)', () => {
    for (const [at, d] of Object.entries(DEPARTURES)) {
      const [id, no] = at.split(':') as [KindId, string];
      const row = MANUAL[id][Number(no) - 1];
      expect(row, at).not.toBe('空白');
      const [, mark, , size] = row as Exclude<Row, '空白'>;
      const printed = { required: MARKS[mark as Exclude<Mark, '空白'>], maxLength: size };
      const differs = (d.required !== undefined && d.required !== printed.required) || (d.maxLength !== undefined && d.maxLength !== printed.maxLength);
      expect(differs, `${at}: ${d.why}`).toBe(true);
    }
  });

  it('record limits of 5-1: 99 per file, 1000 only for client files with method 2', () => {
    for (const id of Object.keys(MANUAL) as KindId[]) expect(KINDS[id].maxRecords, id).toBe(99);
    expect(KINDS['client-issue'].maxRecordsBulk).toBe(1000);
    expect(KINDS['client-renew'].maxRecordsBulk).toBe(1000); // ADDENDUM B.11 reads 「発行時」 as issue and renewal
    for (const id of ['server-issue', 'server-renew', 'server-revoke', 'client-revoke'] as const) expect(KINDS[id].maxRecordsBulk, id).toBeUndefined();
  });
});

describe('character lists against the manual, over all of printable ASCII', () => {
  const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
  type CharSetName = 'CLIENT_CN' | 'DN_TEXT' | 'P12_NAME' | 'PIN' | 'HOST';
  // The symbols as the manual lists them (「」-quoted, in its order).
  const PRINTED: Record<string, [CharSetName, string]> = {
    '5-4-1 CN': ['CLIENT_CN', " '(),-./:=@_"],
    '5-4-1 O, OU, L; 2-1-1 O': ['DN_TEXT', " '(),-./:="],
    '5-4-1 column 12 (P12)': ['P12_NAME', " '(),-.="],
    '5-4-1 column 15 (PIN)': ['PIN', '!#$%&*+,-./:;=?@^_`|~(){}[]<>'],
    '2-1-1 CN, 5-3-1 dNSName': ['HOST', '.-'],
  };

  it.each(Object.entries(PRINTED))('%s', async (_, [setName, symbols]) => {
    const sets = await import('./charsets');
    const allowed = new Set(ALNUM + symbols);
    const wrong = ASCII.filter((c) => sets[setName].char.test(c) !== allowed.has(c));
    expect(wrong).toEqual([]);
    // Never anything beyond ASCII (全角 look-alikes such as （ ） are outside every list).
    expect(['（', '）', '＠', 'あ', '\u00a0'].filter((c) => sets[setName].char.test(c))).toEqual([]);
  });
});
