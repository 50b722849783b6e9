// Issuing CAs the UPKI service no longer issues from (SPEC §1 CA table, lines 144–173): a certificate still
// chained to one of them is due for replacement whatever its date. Names compared without spaces/dashes/case.
import type { Text } from './types';

export interface RetiredCa {
  /** Lower-case, letters and digits only (see normalizeCaName). */
  key: string;
  name: string;
  note: Text;
}

export const RETIRED_CAS: readonly RetiredCa[] = [
  { key: 'niiopendomaincag4', name: 'NII Open Domain CA - G4', note: { ja: '2020年12月25日以降はG7（サーバ）・SECOM Passport（クライアント）から発行', en: 'replaced by G7 (server) / SECOM Passport (client) from 2020-12-25' } },
  { key: 'niiopendomaincag5', name: 'NII Open Domain CA - G5', note: { ja: 'マニュアルV.2.12で削除された認証局', en: 'removed from the manual in V.2.12' } },
  { key: 'niiopendomaincag6', name: 'NII Open Domain CA - G6', note: { ja: 'マニュアルV.2.12で削除された認証局', en: 'removed from the manual in V.2.12' } },
  { key: 'niiopendomainsmimeca', name: 'NII Open Domain S/MIME CA', note: { ja: '2020年12月25日以前のS/MIME証明書の認証局', en: 'S/MIME CA before 2020-12-25' } },
  {
    key: 'secompassportformemberpubca8',
    name: 'SECOM Passport for Member PUB CA8',
    note: { ja: 'クライアント証明書は2023年12月14日以降 RSA CA16、S/MIMEは2023年8月30日以降 SMIME RSA CA 2023 から発行', en: 'client certificates from RSA CA16 since 2023-12-14, S/MIME from SMIME RSA CA 2023 since 2023-08-30' },
  },
];

export function normalizeCaName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function retiredCa(issuerName: string): RetiredCa | undefined {
  const key = normalizeCaName(issuerName);
  return RETIRED_CAS.find((ca) => key === ca.key || key.startsWith(ca.key) && !/^\d/.test(key.slice(ca.key.length)));
}
