// How the grid shows the spec's columns: which are visible, their marks and labels. Reads src/spec only.
import type { ColumnSpec, KindSpec, Text } from '../../spec/types';

export function visibleColumns(spec: KindSpec, showBlank: boolean): ColumnSpec[] {
  return spec.columns.filter((c) => showBlank || c.required !== 'blank');
}

/** The manual's marks (SPEC §0.3): ○ required, △ optional, ※ conditional; blank columns say so. */
export function requiredMark(column: ColumnSpec): Text {
  switch (column.required) {
    case 'required':
      return { ja: '○必須', en: 'required' };
    case 'optional':
      return { ja: '△任意', en: 'optional' };
    case 'conditional':
      return { ja: '※条件付き', en: 'conditional' };
    default:
      return { ja: '空白', en: 'blank' };
  }
}

/** Columns set for every row at once (profile, method) are still editable per row. Wide columns get more room. */
export function columnWidthClass(column: ColumnSpec): string {
  if (column.field === 'csr' || column.field === 'dn' || column.field === 'dnsNames') return 'col-wide';
  if (column.maxLength <= 2) return 'col-narrow';
  return 'col-normal';
}
