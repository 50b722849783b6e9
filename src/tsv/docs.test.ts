// docs/tsv-formats.md and docs/codes.md contain tables generated from spec/kinds.ts and tsv/messages.ts.
// This test fails when they drift; `UPDATE_DOCS=1 npx vitest run src/tsv/docs.test.ts` rewrites them.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../spec/kinds';
import { KIND_IDS } from '../spec/types';
import { MESSAGES } from './messages';

const FORMATS = new URL('../../docs/tsv-formats.md', import.meta.url);
const CODES = new URL('../../docs/codes.md', import.meta.url);
const MARK = { required: '○', optional: '△', blank: '（空白）', conditional: '○※/△' } as const;
const cell = (text: string) => text.replace(/\|/g, '\\|');

function formatsTables(): string {
  const out: string[] = [];
  for (const id of KIND_IDS) {
    const k = KINDS[id];
    const bulk = k.maxRecordsBulk ? `; ${k.maxRecordsBulk} when every record has download method 2 (ADDENDUM B.11)` : '';
    out.push(`### ${k.section} ${k.title.ja} — \`${id}\` (${k.title.en})`, '');
    out.push(`${k.columnCount} columns (${k.columnCount - 1} TABs). At most ${k.maxRecords} records${bulk}.`, '');
    out.push('| No | 項目名称 | Name | 必須 | Class | Max | Values | Rule |', '|---|---|---|---|---|---|---|---|');
    for (const c of k.columns) {
      const rule = cell([c.help.ja, c.requiredNote ? `※${c.requiredNote.ja}` : ''].filter(Boolean).join(' '));
      out.push(`| ${c.no} | ${c.name.ja} | ${c.name.en} | ${MARK[c.required]} | \`${c.charClass}\` | ${c.maxLength || ''} | ${c.values?.join(', ') ?? ''} | ${rule} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

function codesTable(): string {
  const rows = Object.entries(MESSAGES).map(([id, m]) => `| ${m.code} | ${m.severity} | \`${id}\` | ${cell(m.ja)} | ${cell(m.en)} | ${m.source} |`);
  return ['| Code | Severity | Catalogue id | Japanese | English | Source |', '|---|---|---|---|---|---|', ...rows, ''].join('\n');
}

/** The doc with the text between `start` (kept) and `end` (kept) replaced by `body`. */
function splice(doc: string, start: string, end: string | undefined, body: string): string {
  const from = doc.indexOf(start) + start.length;
  const to = end === undefined ? doc.length : doc.indexOf(end, from);
  return `${doc.slice(0, from)}\n${body}\n${end === undefined ? '' : doc.slice(to)}`;
}

describe('generated documentation', () => {
  it('docs/tsv-formats.md lists the columns of spec/kinds.ts', () => {
    const doc = readFileSync(FORMATS, 'utf8');
    const expected = splice(doc, '## Formats\n', undefined, formatsTables());
    if (process.env.UPDATE_DOCS) writeFileSync(FORMATS, expected);
    else expect(doc).toBe(expected);
  });

  it('docs/codes.md lists the catalogue of tsv/messages.ts', () => {
    const doc = readFileSync(CODES, 'utf8');
    const expected = splice(doc, '## All codes\n', '## Decisions', codesTable());
    if (process.env.UPDATE_DOCS) writeFileSync(CODES, expected);
    else expect(doc).toBe(expected);
  });
});
