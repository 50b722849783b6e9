// Error codes the RA adds after the validator (docs/ra-engine.md). NII's own numbers where a rule
// matches one of NII's published messages (ADDENDUM A: 212, 215, 241); R1xx are ours, only for rules
// NII's list does not cover (the validator's are U1xx–U4xx).
import type { KindId, Text } from '../spec/types';
import { formatRaLine } from '../tsv/format';
import { MESSAGES } from '../tsv/messages';
import type { RaError } from './types';

export interface RaMessage {
  code: string;
  message: Text;
}

function m(code: string, ja: string, en: string): RaMessage {
  return { code, message: { ja, en } };
}

/** NII's codes the validator's catalogue already holds for the RA (docs/codes.md): one text, one place. */
function fromCatalogue(id: 'organizationMismatch' | 'duplicateDn' | 'institutionInvalid'): RaMessage {
  const def = MESSAGES[id];
  return { code: def.code, message: { ja: def.ja, en: def.en } };
}

export const RA_MESSAGES = {
  organizationMismatch: fromCatalogue('organizationMismatch'),
  dnExists: fromCatalogue('duplicateDn'),
  institutionInactive: fromCatalogue('institutionInvalid'),
  // NII's 215 is 「機関状態が無効」 (ADDENDUM A); this text is the manual's (SPEC §7.2) without a code of its own.
  approvalExpired: m(
    'R111',
    '機関の証明書発行有効期限が切れています。サービス窓口にお問い合わせください。',
    "The institution's approval to issue certificates has expired. Contact the service desk.",
  ),
  domainNotAllowed: m(
    'R101',
    '対象のドメインは許可されていないため発行できません。サービス窓口にお問い合わせください。',
    'The domain is not registered for this institution. Contact the service desk.',
  ),
  localityMismatch: m('R102', '主体者DNのLが登録された値と一致しません。', 'The L of the subject DN does not match the registered value.'),
  stateMismatch: m('R103', '主体者DNのSTが登録された値と一致しません。', 'The ST of the subject DN does not match the registered value.'),
  serialNotFound: m(
    'R104',
    '指定したシリアル番号の証明書は存在しません。',
    'No certificate of this kind has this serial number.',
  ),
  serialOtherInstitution: m(
    'R105',
    '指定したシリアル番号の証明書は貴機関の証明書ではありません。',
    'The certificate with this serial number belongs to another institution.',
  ),
  dnNotCertificates: m(
    'R106',
    '主体者DNが対象証明書のDNと一致しません。',
    'The subject DN differs from the DN of the certificate with this serial number.',
  ),
  alreadyRevoked: m('R107', '指定したシリアル番号の証明書はすでに失効しています。', 'The certificate is already revoked.'),
  keyReused: m(
    'R108',
    '以前使用した鍵ペアの再利用はできません。新たに鍵ペアを作成してください。',
    'The CSR reuses a key pair of an earlier certificate; create a new key pair.',
  ),
  alreadyRenewed: m(
    'R109',
    '指定したシリアル番号の証明書はすでに更新されています。',
    'The certificate has already been renewed; renew the newest certificate.',
  ),
  // SPEC §7.2's table: the two WHOIS messages, verbatim; the simulator raises them only when the trainer injects the fault.
  whoisConnection: m(
    'R112',
    'WHOISサーバへの接続に失敗しました。時間をおいて再度申請してください。再度申請しても接続に失敗するようでしたら、サービス窓口にお問い合わせください。',
    'Connecting to the WHOIS server failed. Apply again later; if it still fails, contact the service desk.',
  ),
  whoisMismatch: m(
    'R113',
    'WHOISサーバに登録されている情報と一致しません。サービス窓口にお問い合わせください。',
    'The information registered on the WHOIS server does not match. Contact the service desk.',
  ),
  serialTwice: m(
    'R110',
    '同じシリアル番号が申請ファイル内で重複しています。',
    'The same serial number appears twice in the file.',
  ),
} satisfies Record<string, RaMessage>;

export type RaMessageKey = keyof typeof RA_MESSAGES;

/** The エラー内容 line as the real RA prints it (ADDENDUM A): `code:column,name,message` (tsv/format.ts). */
export function raLine(kind: KindId, seq: number, error: RaError, lang: 'ja' | 'en' = 'ja'): string {
  return formatRaLine(
    { seq, column: error.column || undefined, code: error.code, severity: 'error', message: error.message },
    kind,
    lang,
  );
}
