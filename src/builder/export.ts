// Export: one Shift-JIS CRLF file per part (src/tsv encodes), refused while any error remains; several parts
// are zipped together. File names say kind and date (naming.ts).
import { zipFiles } from '../pki/zip';
import type { KindSpec } from '../spec/types';
import { encodeTsv } from '../tsv/codec';
import type { Issue } from '../tsv/types';
import { checkSheetFull, type SheetCheck } from './check';
import type { RowMeta } from './grid';
import type { InstitutionRegistered } from './institution-check';
import { exportFileName, zipFileName } from './naming';

export interface ExportFile {
  name: string;
  bytes: Uint8Array;
  rows: number;
  method?: string;
}

export type ExportResult =
  | { ok: false; check: SheetCheck; encodingIssues: Issue[] }
  | { ok: true; check: SheetCheck; files: ExportFile[] };

/** The files the export would write, or the full check (CSR checks included) that refuses it. */
export async function buildExport(
  spec: KindSpec,
  rows: readonly (readonly string[])[],
  date: Date,
  metas: readonly (RowMeta | undefined)[] = [],
  registered?: InstitutionRegistered,
): Promise<ExportResult> {
  const check = await checkSheetFull(spec, rows, metas, registered);
  if (check.errors > 0 || rows.length === 0) return { ok: false, check, encodingIssues: [] };
  const byMethod = check.splitReasons.includes('method');
  const files: ExportFile[] = [];
  const encodingIssues: Issue[] = [];
  for (const { part } of check.files) {
    const encoded = encodeTsv(part.items, spec.id);
    if (!encoded.ok) {
      encodingIssues.push(...encoded.issues);
      continue;
    }
    files.push({
      name: exportFileName(spec.id, date, { method: byMethod ? part.method : undefined, chunk: part.chunk, chunks: part.chunks }),
      bytes: encoded.bytes,
      rows: part.items.length,
      method: part.method,
    });
  }
  // The validator reports every character the encoder refuses, so this is a safety net, not a path users see.
  if (encodingIssues.length > 0) return { ok: false, check, encodingIssues };
  return { ok: true, check, files };
}

/** What the browser downloads: the single file, or a zip holding every part. */
export async function packageExport(spec: KindSpec, files: readonly ExportFile[], date: Date): Promise<{ name: string; bytes: Uint8Array; mime: string }> {
  if (files.length === 1) return { name: files[0].name, bytes: files[0].bytes, mime: 'text/tab-separated-values' };
  const bytes = await zipFiles(files.map((f) => ({ name: f.name, data: f.bytes })), date);
  return { name: zipFileName(spec.id, date), bytes, mime: 'application/zip' };
}
