// One TSV record seen through the kind's column table (spec/kinds.ts): fields by meaning, not position.
import { KINDS, columnOf } from '../spec/kinds';
import type { FieldKey, KindId } from '../spec/types';
import { parseDnString, type Rdn } from '../pki/dn';
import { normaliseSerialHex } from './context';
import { parseDnsNames } from '../tsv/columns';
import { serialValue } from '../tsv/file-rules';

export class Row {
  constructor(
    readonly kind: KindId,
    readonly seq: number,
    readonly cells: readonly string[],
  ) {}

  get(field: FieldKey): string {
    const col = columnOf(this.kind, field);
    return col ? (this.cells[col.no - 1] ?? '') : '';
  }

  column(field: FieldKey): number {
    return columnOf(this.kind, field)?.no ?? 0;
  }

  columnName(field: FieldKey): string {
    return columnOf(this.kind, field)?.name.ja ?? '';
  }

  get family() {
    return KINDS[this.kind].family;
  }

  get action() {
    return KINDS[this.kind].action;
  }

  dn(): Rdn[] {
    const parsed = parseDnString(this.get('dn'));
    return parsed.ok ? parsed.rdns : [];
  }

  /** Serial column as normalised hex, or undefined when it is not a decimal or 0x-hex number. */
  serialHex(): string | undefined {
    return parseSerialText(this.get('serial'));
  }

  /** Host names of column 13, parsed by the validator's own rule (tsv/columns.ts). */
  dnsNames(): string[] {
    const text = this.get('dnsNames');
    return text ? parseDnsNames(text).hosts : [];
  }
}

/** Decimal or 0x/0X hex (ADDENDUM B.3), read by the validator's rule (tsv/file-rules.ts) → normalised hex. */
export function parseSerialText(text: string): string | undefined {
  const decimal = serialValue(text.trim());
  return decimal === undefined ? undefined : normaliseSerialHex(BigInt(decimal).toString(16));
}

export function serialHexToDecimal(hex: string): string {
  return BigInt(`0x${hex}`).toString(10);
}

export function rdnValue(rdns: readonly Rdn[], key: Rdn['key']): string | undefined {
  return rdns.find((r) => r.key === key)?.value;
}

export function rdnValues(rdns: readonly Rdn[], key: Rdn['key']): string[] {
  return rdns.filter((r) => r.key === key).map((r) => r.value);
}
