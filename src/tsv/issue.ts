// Building Issue values from catalogue ids, so every rule reports the same shape.
import type { ColumnSpec, FieldKey } from '../spec/types';
import { codePointLabel as codePointLabelOf } from '../text/messages';
import { MESSAGES, renderMessage, type MessageId, type MessageParams } from './messages';
import type { Issue } from './types';

export interface Where {
  seq: number;
  column?: number;
  field?: FieldKey;
  position?: number;
}

export function makeIssue(id: MessageId, where: Where, params: MessageParams = {}): Issue {
  const def = MESSAGES[id];
  const { message, hint } = renderMessage(id, params);
  const issue: Issue = { seq: where.seq, code: def.code, severity: def.severity, message };
  if (where.column !== undefined) issue.column = where.column;
  if (where.field !== undefined) issue.field = where.field;
  if (hint) issue.hint = hint;
  if (where.position !== undefined) issue.position = where.position;
  return issue;
}

/** Where-ness of a column in a record. */
export function at(seq: number, column: ColumnSpec, position?: number): Where {
  return { seq, column: column.no, field: column.field, position };
}

export function hasError(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/** "U+2460" for "①": text's label, taken from a character. */
export function codePointLabel(char: string): string {
  return codePointLabelOf(char.codePointAt(0) ?? 0);
}
