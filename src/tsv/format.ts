// Issues as text lines in the RA's 「エラー内容」 form: `code:column,name,message` (ADDENDUM A, from a real
// RA screen: `212:1,主体者DN,指定したDNはすでに存在しています。`). File-level issues have no column: `code:message`.
import { columnAt } from '../spec/kinds';
import type { KindId } from '../spec/types';
import type { Issue } from './types';

export function formatRaLine(issue: Issue, kind: KindId, lang: 'ja' | 'en' = 'ja'): string {
  const message = issue.message[lang];
  if (issue.column === undefined) return `${issue.code}:${message}`;
  const column = columnAt(kind, issue.column);
  const name = column ? column.name[lang] : lang === 'ja' ? `No${issue.column}` : `column ${issue.column}`;
  return `${issue.code}:${issue.column},${name},${message}`;
}

/** One line per issue of a report, prefixed with the record's SEQ (0 = file), for the CLI and logs. */
export function formatIssueLines(issues: readonly Issue[], kind: KindId, lang: 'ja' | 'en' = 'ja'): string[] {
  return issues.map((i) => `${i.seq}\t${i.severity}\t${formatRaLine(i, kind, lang)}`);
}
