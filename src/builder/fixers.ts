// One-click fixes for what the validator flags and the tool knows how to repair: full-width ASCII in an ASCII
// column, characters outside JIS X 0208 with a known replacement (髙→高, ①→(1), ㈱→(株)), stray spaces, a URL
// pasted as a host name, a CSR in PEM. Each fixer is pure and only offered when it changes the cell.
import { isJisText } from '../text';
import { candidateSuggestion } from '../text/suggestions';
import type { ColumnSpec, KindSpec, Text } from '../spec/types';
import type { Sheet } from './grid';
import { toHalfWidthAscii } from '../tsv/columns';

export type FixerId = 'halfWidth' | 'replaceChars' | 'spaces' | 'urlToHost';

export interface Fixer {
  id: FixerId;
  label: Text;
  /** Whether the fixer applies to this column at all. */
  applies: (column: ColumnSpec) => boolean;
  fix: (value: string, column: ColumnSpec) => string;
}

/** Known replacements for characters outside JIS X 0208/0201, only where the replacement itself encodes. */
export function replaceKnownChars(value: string): string {
  return [...value]
    .map((c) => {
      if (isJisText(c)) return c;
      const s = candidateSuggestion(c);
      return s !== undefined && isJisText(s) ? s : c;
    })
    .join('');
}

/** Leading/trailing spaces (half- and full-width); in a DN also the spaces around "," and "=". */
export function trimSpaces(value: string, column: Pick<ColumnSpec, 'charClass'>): string {
  // String.prototype.trim also removes U+3000 (a WhiteSpace in ECMAScript).
  const trimmed = value.trim();
  return column.charClass === 'dn' ? trimmed.split(',').map((rdn) => rdn.split('=').map((part) => part.trim()).join('=')).join(',') : trimmed;
}

/** "https://www.example.ac.jp:8443/path" → "www.example.ac.jp"; a value that is not a URL is kept. */
export function urlToHost(value: string): string {
  const m = /^\s*[a-z][a-z0-9+.-]*:\/\/(?:[^@/\s]*@)?([^/:?#\s]+)/iu.exec(value);
  return m ? m[1].toLowerCase() : value;
}

const asciiColumn = (c: ColumnSpec) => c.charClass !== 'jis' && c.charClass !== 'empty';

export const FIXERS: readonly Fixer[] = [
  { id: 'halfWidth', label: { ja: '全角を半角に', en: 'Full-width → half-width' }, applies: asciiColumn, fix: (v) => toHalfWidthAscii(v) },
  { id: 'replaceChars', label: { ja: '使えない文字を置き換え', en: 'Replace characters' }, applies: (c) => c.charClass === 'jis', fix: (v) => replaceKnownChars(v) },
  { id: 'spaces', label: { ja: '余分な空白を削除', en: 'Remove stray spaces' }, applies: (c) => c.charClass !== 'empty', fix: trimSpaces },
  { id: 'urlToHost', label: { ja: 'URLをホスト名に', en: 'URL → host name' }, applies: (c) => c.charClass === 'fqdn', fix: (v) => urlToHost(v) },
];

/** The fixes that would change this cell, each with its result. */
export function fixesFor(column: ColumnSpec, value: string): { fixer: Fixer; result: string }[] {
  if (value === '') return [];
  return FIXERS.filter((f) => f.applies(column)).flatMap((fixer) => {
    const result = fixer.fix(value, column);
    return result !== value ? [{ fixer, result }] : [];
  });
}

/** Every fix applicable to the cell, one after another (the 「すべて修正」 result). */
export function fixAll(column: ColumnSpec, value: string): string {
  let v = value;
  for (const f of FIXERS) {
    if (!f.applies(column)) continue;
    v = f.fix(v, column);
  }
  return v;
}

/**
 * 「すべて修正」: every cell that `flagged` says has an issue, with all its fixes applied. Returns the new sheet
 * (the same object when nothing changed) and how many cells changed.
 */
export function fixSheet(spec: KindSpec, sheet: Sheet, flagged: (row: number, column: number) => boolean): { sheet: Sheet; cells: number } {
  let cells = 0;
  const rows = sheet.rows.map((row, r) => {
    let changed = false;
    const next = row.cells.map((value, c) => {
      const column = spec.columns[c];
      if (!column || value === '' || !flagged(r, c)) return value;
      const fixed = fixAll(column, value);
      if (fixed !== value) {
        changed = true;
        cells += 1;
      }
      return fixed;
    });
    return changed ? { ...row, cells: next } : row;
  });
  return { sheet: cells > 0 ? { ...sheet, rows } : sheet, cells };
}
