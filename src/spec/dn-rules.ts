// Subject DN rules per certificate family, as data (SPEC §3; ADDENDUM A "NII's DN rules page", B.5, B.9).
import { CLIENT_CN, DN_TEXT, HOST, type CharSet } from './charsets';
import { LIMITS } from './profiles';
import type { DnAttributeKey as DnKey, Family, Text } from './types';

const t = (ja: string, en: string): Text => ({ ja, en });

export interface DnAttributeRule {
  key: DnKey;
  name: Text;
  required: boolean;
  /** Only client OU may repeat. */
  repeatable: boolean;
  /** Allowed characters of the value. */
  charset: CharSet;
  /** Server CN and host names: FQDN syntax on top of the character set. */
  fqdn?: boolean;
  maxLength?: number;
  /** 'warning' where SPEC leaves the length open and we only follow X.509's upper bound (SPEC §12.17). */
  maxLengthSeverity?: 'error' | 'warning';
  /** Fixed values (C=JP). */
  values?: readonly string[];
  /** NII's L rule: no "Academe"/"Default" anywhere, not "City" alone (case-insensitive). */
  forbiddenWords?: readonly string[];
  forbiddenWhole?: readonly string[];
}

export interface ForbiddenAttribute {
  key: DnKey;
  reason: Text;
}

export interface DnRules {
  family: Family;
  /** Order of RDNs in TSV column 1 (SPEC §3.2). */
  order: readonly DnKey[];
  attributes: Readonly<Partial<Record<DnKey, DnAttributeRule>>>;
  forbidden: readonly ForbiddenAttribute[];
  /** Groups of which at least one attribute must be present (client: L or ST). */
  atLeastOneOf: readonly (readonly DnKey[])[];
  /** S/MIME profiles: all of these are expected; a missing one is a warning (ADDENDUM B.5). */
  smimeExpected: readonly DnKey[];
  maxLength: number;
}

const C: DnAttributeRule = {
  key: 'C',
  name: t('C（国名）', 'C (country)'),
  required: true,
  repeatable: false,
  charset: DN_TEXT,
  values: ['JP'],
};

const ST = (required: boolean): DnAttributeRule => ({
  key: 'ST',
  name: t('ST（都道府県）', 'ST (prefecture)'),
  required,
  repeatable: false,
  charset: DN_TEXT, // SPEC §12.17: not stated; the ST/L value list is romanised like L.
  maxLength: 64,
  maxLengthSeverity: 'warning',
});

const L = (required: boolean, severity: 'error' | 'warning'): DnAttributeRule => ({
  key: 'L',
  name: t('L（市区町村）', 'L (locality)'),
  required,
  repeatable: false,
  charset: DN_TEXT,
  maxLength: 64,
  maxLengthSeverity: severity,
  forbiddenWords: ['Academe', 'Default'],
  forbiddenWhole: ['City'],
});

const O = (severity: 'error' | 'warning'): DnAttributeRule => ({
  key: 'O',
  name: t('O（機関名）', 'O (organisation)'),
  required: true,
  repeatable: false,
  charset: DN_TEXT,
  maxLength: 64,
  maxLengthSeverity: severity,
});

const EMAIL_FORBIDDEN: ForbiddenAttribute = {
  key: 'E',
  reason: t('Email属性は本認証局では使用できません。', 'The Email attribute is not used by this CA.'),
};

export const DN_RULES: Readonly<Record<Family, DnRules>> = {
  server: {
    family: 'server',
    order: ['CN', 'O', 'L', 'ST', 'C'],
    attributes: {
      CN: {
        key: 'CN',
        name: t('CN（FQDN）', 'CN (FQDN)'),
        required: true,
        repeatable: false,
        charset: HOST,
        fqdn: true,
        maxLength: 64,
        maxLengthSeverity: 'error',
      },
      O: O('error'),
      // Server: ST and L both required since 2020-12-22 (SPEC §3.1). Server L length is not stated: warn.
      L: L(true, 'warning'),
      ST: ST(true),
      C,
    },
    forbidden: [
      EMAIL_FORBIDDEN,
      {
        key: 'OU',
        reason: t(
          'サーバ証明書のOUは2022年7月26日に廃止されました。',
          'OU in server certificates was abolished on 2022-07-26.',
        ),
      },
    ],
    atLeastOneOf: [],
    smimeExpected: [],
    maxLength: LIMITS.dnMaxLength,
  },
  client: {
    family: 'client',
    order: ['CN', 'OU', 'O', 'L', 'ST', 'C'],
    attributes: {
      CN: {
        key: 'CN',
        name: t('CN（氏名等）', 'CN (holder name)'),
        required: true,
        repeatable: false,
        charset: CLIENT_CN,
        // SPEC §12.17: not stated; X.509's ub-common-name is 64.
        maxLength: 64,
        maxLengthSeverity: 'warning',
      },
      OU: {
        key: 'OU',
        name: t('OU（所属等）', 'OU (unit)'),
        required: false,
        repeatable: true,
        charset: DN_TEXT,
        maxLength: 64,
        maxLengthSeverity: 'error',
      },
      O: O('warning'),
      L: L(false, 'error'),
      ST: ST(false),
      C,
    },
    forbidden: [EMAIL_FORBIDDEN],
    atLeastOneOf: [['L', 'ST']],
    smimeExpected: ['L', 'ST'],
    maxLength: LIMITS.dnMaxLength,
  },
};

/** RDN order inside a CSR: C → ST → L → O → (OU) → CN, or exactly the reverse (SPEC §3.2). */
export const CSR_DN_ORDER: readonly DnKey[] = ['C', 'ST', 'L', 'O', 'OU', 'CN'];
