// The validator's whole report, kept where it was made (the worker): the page gets a small summary and then
// asks for the one page of records it shows, where a record is, or the file converted — never the whole
// report, whose copy, rendering and garbage made a 10 MB file one long main-thread task (issue 10).
// No DOM here: the same code runs in the worker and, without workers, on the page.
import type { InstitutionRegistered } from '../../builder/institution-check';
import { checkReportAgainst } from '../../builder/institution-check';
import { KINDS } from '../../spec/kinds';
import type { KindId } from '../../spec/types';
import { validateFile } from '../../tsv';
import { BOUNDS, boundRecords, cutIssue, totalsOf, type ReportTotals, type ShownRecord } from '../../tsv/bound-report';
import { guessKind } from '../../tsv/guess';
import { MESSAGES } from '../../tsv/messages';
import { convertToShiftJis, isConvertible, unicodeText, type MisfitChar } from '../../tsv/to-shift-jis';
import type { Issue, ValidationReport } from '../../tsv/types';

/** Issues of one code in one column across the file: the page's 「問題の一覧」, each SEQ a link to its cell. */
export interface IssueGroup {
  /** The first such issue (bounded); the page formats it as the RA's line. */
  sample: Issue;
  count: number;
  /** The first MAX_GROUP_SEQS records with it. */
  seqs: number[];
}

export interface ReportSummary {
  /** Which validation this is: a page request for an older one gets nothing. */
  gen: number;
  kind: KindId;
  ok: boolean;
  encoding?: string;
  fileIssues: Issue[];
  omittedFileIssues: number;
  totals: ReportTotals;
  /** Records with an error or a warning (the 「エラー・警告のある行だけ表示」 list). */
  problems: number;
  groups: IssueGroup[];
  omittedGroups: number;
  /** Every record has the wrong number of columns (U105): the file is most likely another kind. */
  allWrongWidth: boolean;
  /** The kind the records look like, when the file seems checked as another (U111 or allWrongWidth). */
  guessed?: KindId;
  /** A UTF-8/UTF-16 file (U103) that 「Shift-JISに変換して保存」 can re-encode. */
  convertible: boolean;
}

export interface PageRequest {
  gen: number;
  problemsOnly: boolean;
  offset: number;
  size: number;
}

export type ConvertReply = { ok: true; bytes: Uint8Array } | { ok: false; misfits: MisfitChar[]; total: number } | null;

export const MAX_GROUPS = 50;
export const MAX_GROUP_SEQS = 20;

export interface ValidatorApi {
  validate(file: Blob, kind: KindId, fileName: string, institution?: InstitutionRegistered): Promise<ReportSummary>;
  page(request: PageRequest): Promise<ShownRecord[] | null>;
  /** 0-based index of record `seq` in the list (all records or problems only); -1 when it is not in it. */
  locate(gen: number, seq: number, problemsOnly: boolean): Promise<number>;
  convert(gen: number): Promise<ConvertReply>;
  /** The file as UTF-8 text bytes, for the builder's import path (null when it cannot be read as text). */
  text(gen: number): Promise<Uint8Array | null>;
}

export type ValidatorMethod = keyof ValidatorApi;

/** One call by name: what the worker receives, and what the main-thread fallback runs. */
export function storeCall(api: ValidatorApi, method: ValidatorMethod, args: unknown[]): Promise<unknown> {
  return (api[method] as (...a: unknown[]) => Promise<unknown>).apply(api, args);
}

interface Held {
  gen: number;
  file: Blob;
  report: ValidationReport;
  /** Indices of the records with a problem, ascending. */
  problems: number[];
}

export class ReportStore implements ValidatorApi {
  private held: Held | undefined;
  private nextGen = 1;

  async validate(file: Blob, kind: KindId, fileName: string, institution?: InstitutionRegistered): Promise<ReportSummary> {
    // The generation is taken when the call starts: calls overlap (reading a large file is awaited), and only the
    // newest call's report may be held — a slow earlier file finishing last must not replace the one the page shows.
    const gen = this.nextGen++;
    this.held = undefined; // the previous report is garbage in this thread, not the page's
    const raw = await validateFile(new Uint8Array(await file.arrayBuffer()), kind, { fileName });
    const report = institution ? checkReportAgainst(raw, institution) : raw;
    const problems: number[] = [];
    report.records.forEach((r, i) => r.issues.length > 0 && problems.push(i));
    if (gen === this.nextGen - 1) this.held = { gen, file, report, problems };
    return summarize(gen, report, problems.length);
  }

  async page({ gen, problemsOnly, offset, size }: PageRequest): Promise<ShownRecord[] | null> {
    const held = this.get(gen);
    if (!held) return null;
    const count = Math.max(0, Math.min(size, BOUNDS.pageRecords));
    const records = problemsOnly
      ? held.problems.slice(offset, offset + count).map((i) => held.report.records[i])
      : held.report.records.slice(offset, offset + count);
    return boundRecords(records);
  }

  async locate(gen: number, seq: number, problemsOnly: boolean): Promise<number> {
    const held = this.get(gen);
    if (!held) return -1;
    const index = held.report.records.findIndex((r) => r.seq === seq);
    if (index < 0 || !problemsOnly) return index;
    return held.problems.indexOf(index);
  }

  async convert(gen: number): Promise<ConvertReply> {
    const held = this.get(gen);
    if (!held) return null;
    const result = convertToShiftJis(new Uint8Array(await held.file.arrayBuffer()));
    if (result.ok) return { ok: true, bytes: result.bytes };
    return result.reason === 'misfits' ? { ok: false, misfits: result.misfits, total: result.total } : null;
  }

  async text(gen: number): Promise<Uint8Array | null> {
    const held = this.get(gen);
    if (!held) return null;
    const bytes = new Uint8Array(await held.file.arrayBuffer());
    // Shift-JIS and ASCII go to the builder as they are (it reads them); UTF-16 is re-encoded as UTF-8, which it reads too.
    if (!isConvertible(held.report.encoding) || held.report.encoding?.startsWith('UTF-8')) return bytes;
    const text = unicodeText(bytes);
    return text === undefined ? null : new TextEncoder().encode(text);
  }

  private get(gen: number): Held | undefined {
    return this.held?.gen === gen ? this.held : undefined;
  }
}

function summarize(gen: number, report: ValidationReport, problems: number): ReportSummary {
  const wrongWidth = MESSAGES.columnCount.code;
  const allWrongWidth = report.records.length > 0 && report.records.every((r) => r.issues.some((i) => i.code === wrongWidth));
  const mismatch = report.fileIssues.some((i) => i.code === MESSAGES.kindMismatch.code);
  const guess = mismatch || allWrongWidth ? guessKind(report.records) : undefined;
  const groups = groupIssues(report);
  const summary: ReportSummary = {
    gen,
    kind: report.kind,
    ok: report.ok,
    fileIssues: report.fileIssues.slice(0, BOUNDS.issues).map((i) => cutIssue(i, i.position)),
    omittedFileIssues: Math.max(0, report.fileIssues.length - BOUNDS.issues),
    totals: totalsOf(report),
    problems,
    groups: groups.slice(0, MAX_GROUPS),
    omittedGroups: Math.max(0, groups.length - MAX_GROUPS),
    allWrongWidth,
    convertible: isConvertible(report.encoding) && report.fileIssues.some((i) => i.code === MESSAGES.notShiftJis.code),
  };
  if (report.encoding !== undefined) summary.encoding = report.encoding;
  if (guess !== undefined && guess !== report.kind && KINDS[guess]) summary.guessed = guess;
  return summary;
}

/** Record issues grouped by code and column, errors first, in order of first appearance. */
function groupIssues(report: ValidationReport): IssueGroup[] {
  const groups = new Map<string, IssueGroup>();
  for (const record of report.records) {
    for (const issue of record.issues) {
      const key = `${issue.severity}\t${issue.code}\t${issue.column ?? ''}`;
      const group = groups.get(key);
      if (!group) groups.set(key, { sample: cutIssue(issue, issue.position), count: 1, seqs: [record.seq] });
      else {
        group.count++;
        if (group.seqs.length < MAX_GROUP_SEQS && group.seqs[group.seqs.length - 1] !== record.seq) group.seqs.push(record.seq);
      }
    }
  }
  const all = [...groups.values()];
  return [...all.filter((g) => g.sample.severity === 'error'), ...all.filter((g) => g.sample.severity === 'warning')];
}
