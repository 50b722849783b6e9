// The bounded report the validator page receives: totals over everything, at most so many records,
// cells cut to a window that keeps the offending character (its position rebased), long messages cut.
import { describe, expect, it } from 'vitest';
import { BOUNDS, boundReport } from './bound-report';
import type { Issue, RecordReport, ValidationReport } from './types';

const text = (s: string) => ({ ja: s, en: s });
const issue = (over: Partial<Issue>): Issue => ({ seq: 1, code: 'U999', severity: 'error', message: text('bad'), ...over });
const record = (seq: number, cells: string[], issues: Issue[] = []): RecordReport => ({ seq, ok: issues.length === 0, cells, issues });
const report = (records: RecordReport[], fileIssues: Issue[] = []): ValidationReport => ({ kind: 'client-issue', ok: false, fileIssues, records });

describe('boundReport', () => {
  it('keeps a small report as it is, with its totals', () => {
    const r = report([record(1, ['a', 'b']), record(2, ['c'], [issue({ seq: 2, column: 1 }), issue({ seq: 2, severity: 'warning' })])]);
    const shown = boundReport(r);
    // A clean record travels without its cells (never shown); one with a problem keeps them.
    expect(shown.records).toEqual([{ ...r.records[0], cells: [] }, r.records[1]]);
    expect(shown.totals).toEqual({ records: 2, ok: 1, ng: 1, unchecked: 0, errors: 1, warnings: 1 });
    expect(shown.omittedRecords).toBe(0);
  });

  it('sends at most BOUNDS.records records but counts them all', () => {
    const many = Array.from({ length: 5000 }, (_, i) => record(i + 1, ['x'], i % 2 ? [issue({ seq: i + 1 })] : []));
    const shown = boundReport(report(many));
    expect(shown.records).toHaveLength(BOUNDS.records);
    expect(shown.omittedRecords).toBe(5000 - BOUNDS.records);
    expect(shown.totals).toMatchObject({ records: 5000, ng: 2500, errors: 2500 });
  });

  it('cuts a 1 MB cell to a window around its offending character and rebases the position', () => {
    const cell = 'A'.repeat(700_000) + '𠮷' + 'B'.repeat(348_575);
    const shown = boundReport(report([record(1, ['ok', cell], [issue({ column: 2, position: 700_000 })])]));
    const r = shown.records[0];
    expect(Array.from(r.cells[1])).toHaveLength(BOUNDS.cellChars);
    expect(r.cuts?.[1]).toEqual({ length: 1_048_576, start: 700_000 - 40 });
    const pos = r.issues[0].position!;
    expect(Array.from(r.cells[1])[pos]).toBe('𠮷');
    expect(r.cells[0]).toBe('ok');
  });

  it('cuts a message quoting a huge value, many issues, many cells, and stops at the character budget', () => {
    const quote = issue({ column: 1, message: text(`「${'x'.repeat(100_000)}」は指定できません`) });
    const wide = record(1, Array.from({ length: 10_000 }, () => 'c'), [quote, ...Array.from({ length: 500 }, () => issue({}))]);
    const shown = boundReport(report([wide], Array.from({ length: 300 }, () => issue({ seq: 0 }))));
    const r = shown.records[0];
    expect(Array.from(r.issues[0].message.ja).length).toBeLessThan(BOUNDS.textChars + 20);
    expect(r.issues).toHaveLength(BOUNDS.issues);
    expect(r.omittedIssues).toBe(501 - BOUNDS.issues);
    expect(r.cells).toHaveLength(BOUNDS.cells);
    expect(r.omittedCells).toBe(10_000 - BOUNDS.cells);
    expect(shown.fileIssues).toHaveLength(BOUNDS.issues);
    expect(shown.omittedFileIssues).toBe(200);

    const big = Array.from({ length: 900 }, (_, i) => record(i + 1, Array.from({ length: 15 }, () => 'z'.repeat(5000)), [issue({ seq: i + 1 })]));
    const budgeted = boundReport(report(big));
    const kept = budgeted.records.reduce((n, x) => n + x.cells.join('').length, 0);
    expect(kept).toBeLessThanOrEqual(BOUNDS.totalChars + 15 * BOUNDS.cellChars);
    expect(budgeted.omittedRecords).toBe(900 - budgeted.records.length);
    expect(budgeted.omittedRecords).toBeGreaterThan(0);
  });
});
