// Application files for the bench, for the demo institution every fresh RA starts with (Example University).
import { tsvBytes } from '../../src/tsv/fixtures';

export const O = 'Example University';

/** Client issue rows (15 columns, SPEC §5.4), profile 5, download method 2 (P12一括). */
export function clientRows(n: number): string[][] {
  return Array.from({ length: n }, (_, i) => {
    const dn = `CN=USER ${i + 1},OU=${String(i + 1).padStart(8, '0')},O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`;
    return [dn, '5', '2', '', '', '', '', '利用　管理', '情報基盤センター', 'admin@example.ac.jp', `利用者　${i + 1}`, `user${i + 1}`, '工学部', `user${i + 1}@example.ac.jp`, ''];
  });
}

export function clientFile(n: number): Uint8Array {
  return tsvBytes(clientRows(n));
}
