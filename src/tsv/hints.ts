// The fix hint shown beside an issue. NII's fixed texts (e.g. 201 「{}は入力必須項目です。」) say what is wrong,
// not how to write the column; where a rule carries no hint of its own, the column's help, condition and example
// from spec/kinds say it — so every problem in a column comes with a way to fix it, from the one place rules live.
import { columnAt } from '../spec/kinds';
import type { KindId, Text } from '../spec/types';
import type { Issue } from './types';

export function fixHint(issue: Issue, kind: KindId): Text | undefined {
  if (issue.hint) return issue.hint;
  const column = issue.column === undefined ? undefined : columnAt(kind, issue.column);
  if (!column) return undefined;
  const note = column.requiredNote;
  const example = column.example;
  return {
    ja: [`${column.name.ja}: ${column.help.ja}`, note?.ja, example ? `例: ${example}` : undefined].filter(Boolean).join(' '),
    en: [`${column.name.en}: ${column.help.en}`, note?.en, example ? `e.g. ${example}` : undefined].filter(Boolean).join(' '),
  };
}
