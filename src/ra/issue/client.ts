// Client issue and renew (SPEC §6.3, §6.4; ADDENDUM A). Methods 1 and 2: the engine makes an RSA 2048
// key, issues, and wraps key + certificate in a P12 protected by the access PIN. Method 3: the
// certificate waits for the user's own key (browser.ts). Deliveries and mails follow per method.
import { buildPkcs12, p12Iterations } from '../../pki/pkcs12';
import { zipFiles } from '../../pki/zip';
import { isSmimeProfile } from '../../spec/profiles';
import type { Rdn } from '../../pki/dn';
import { chainOf } from '../ca/authority';
import type { TxContext } from '../context';
import { CLIENT_TXT_COLUMNS, PIN_FILE_COLUMNS, cnOf, p12FileName, tableFile, type PinRow } from '../files/layouts';
import { recipients, sendMail } from '../notify/mailer';
import { accessPinIssued, clientIssueAccepted } from '../notify/templates';
import { rdnValue, type Row } from '../row';
import type { Application, CertificateRecord, Institution, P12Format } from '../types';
import { acceptApplication } from './application';
import { createToken, issueForApplication } from './common';
import { generatePin, sha256Hex } from './pin';
import { base64Decode } from '../../pki/pem';
import { cores, keyStream, webCryptoKeyGenerator } from './client-keys';

export { CLIENT_KEY_PARAMS } from './client-keys';

export interface ClientRowInput {
  row: Row;
  renews?: CertificateRecord;
}

interface Issued {
  app: Application;
  pin: string;
  /** The PIN came from the file (method 2): its P12 gets the higher iteration count (docs/pkcs12.md). */
  pinChosen?: boolean;
  cert?: CertificateRecord;
  p12FileId?: string;
}

/** Keys made ahead of the issuing loop: enough to keep every generator busy, few enough to bound memory. */
const KEY_LOOKAHEAD = 8;

/** Subject of the issued certificate in DER order: CN only for S/MIME (SPEC §3.4), else the DN reversed. */
export function clientSubject(app: Application, rdns: readonly Rdn[]): Rdn[] {
  if (isSmimeProfile(app.profile)) return [{ key: 'CN', value: rdnValue(rdns, 'CN') ?? '' }];
  return [...rdns].reverse();
}

/** S/MIME carries its address (= CN) as rfc822Name; client authentication carries the user's mail if given. */
export function clientEmails(app: Application, rdns: readonly Rdn[]): string[] {
  if (isSmimeProfile(app.profile)) return [rdnValue(rdns, 'CN') ?? app.userMail];
  return app.userMail ? [app.userMail] : [];
}

/** Method 2 lets the admin write each user's PIN in the file (a person's choice, often weak); else we draw one. */
function pinFor(row: Row): { pin: string; chosen: boolean } {
  const given = row.get('method') === '2' ? row.get('pin') : '';
  return given ? { pin: given, chosen: true } : { pin: generatePin(), chosen: false };
}

/** Issue the certificates of methods 1 and 2 and build their P12 files. */
/** Called as key pairs are made (the slow part of a bulk upload), for a progress bar. */
export type ProgressCallback = (done: number, total: number) => void;

async function issueWithEngineKeys(
  ctx: TxContext,
  items: { app: Application; pin: string; pinChosen: boolean; rdns: Rdn[] }[],
  onProgress?: ProgressCallback,
): Promise<Issued[]> {
  // Pipelined: while the generators make the next keys (other threads or processes), this thread signs the
  // certificate and builds the P12 of the user whose key is ready, in file order (serials and events stay in order).
  const fallback = webCryptoKeyGenerator(cores());
  const keys = keyStream(items.length, ctx.options.clientKeyGenerators?.() ?? [], fallback, KEY_LOOKAHEAD);
  const issued: Issued[] = [];
  try {
    for (const [i, item] of items.entries()) {
      const pair = await keys.take(i);
      const cert = await issueForApplication(ctx, {
        app: item.app,
        subject: clientSubject(item.app, item.rdns),
        spki: pair.spki,
        emails: clientEmails(item.app, item.rdns),
      });
      const p12 = await buildPkcs12({
        privateKey: pair.privateKey,
        certificate: base64Decode(cert.certDerB64)!,
        chain: chainOf(ctx, cert.caId),
        password: item.pin,
        format: item.app.p12Format,
        friendlyName: item.app.p12Name || cnOf(item.app.dn),
        iterations: p12Iterations(item.app.p12Format, item.pinChosen ? 'person' : 'generated'),
      });
      if (pair.privateKey instanceof Uint8Array) pair.privateKey.fill(0); // our plain copy, once it is encrypted
      issued.push({ app: item.app, pin: item.pin, pinChosen: item.pinChosen, cert, p12FileId: ctx.putFile(p12FileId(item.app.id), p12) });
      onProgress?.(i + 1, items.length);
    }
  } finally {
    keys.stop();
  }
  return issued;
}

function groupByAdmin(items: Issued[]): Issued[][] {
  const groups = new Map<string, Issued[]>();
  for (const it of items) {
    const key = it.app.adminMail.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), it]);
  }
  return [...groups.values()];
}

function pinRows(group: Issued[]): PinRow[] {
  return group.map((it) => ({ app: it.app, pin: it.pin, serialHex: it.cert?.serialHex }));
}

/** Methods 1 and 3: PIN zip and URL to the 利用管理者, a certificate URL to each 利用者. */
async function deliverIndividually(ctx: TxContext, uploadId: string, group: Issued[]): Promise<void> {
  const zip = await zipFiles([{ name: 'clientPin.txt', data: tableFile(PIN_FILE_COLUMNS, pinRows(group)) }], ctx.now);
  const zipId = ctx.putFile(`bundles/${uploadId}-${group[0].app.id}-clientPin.zip`, zip);
  const pinToken = createToken(ctx, 'pin', uploadId, group.map((it) => it.app.id), { fileIds: [zipId] });
  sendMail(ctx, recipients(group[0].app.adminMail), accessPinIssued(ctx.url(pinToken.token)));
  for (const it of group) {
    const token = createToken(ctx, 'client-cert', uploadId, [it.app.id], {
      requiresToken: pinToken.token,
      fileIds: it.p12FileId ? [it.p12FileId] : [],
      pinSha256: it.app.method === '3' ? await sha256Hex(it.pin) : undefined,
    });
    sendMail(ctx, recipients(it.app.userMail), clientIssueAccepted(ctx.url(token.token), true));
  }
}

/** Where the P12 of a method 1 or 2 application is stored. */
export function p12FileId(applicationId: string): string {
  return `p12/${applicationId}.p12`;
}

/** P12 file names inside clientAll.zip, made unique within the archive. */
function bundleNames(apps: Application[]): string[] {
  const used = new Set<string>();
  return apps.map((app) => {
    let name = p12FileName(app);
    if (used.has(name.toLowerCase())) name = name.replace(/\.p12$/, `-${app.id}.p12`);
    used.add(name.toLowerCase());
    return name;
  });
}

/** clientAll.zip: the stored P12 of each certificate and client.txt listing them. */
export async function clientAllZip(ctx: TxContext, items: { app: Application; cert: CertificateRecord }[]): Promise<Uint8Array> {
  const names = bundleNames(items.map((it) => it.app));
  // P12 files are encrypted: deflating them gains nothing and costs a pass over every byte.
  const entries = await Promise.all(items.map(async (it, i) => ({ name: names[i], data: (await ctx.tx.getFile(p12FileId(it.app.id)))!, store: true })));
  const info = tableFile(CLIENT_TXT_COLUMNS, items.map((it, i) => ({ ...it, fileName: names[i] })));
  return zipFiles([...entries, { name: 'client.txt', data: info }], ctx.now);
}

/** Method 2: PIN zip URL to the 登録担当者, clientAll.zip URL to the 利用管理者 (SPEC §6.3). */
async function deliverInBulk(ctx: TxContext, uploadId: string, group: Issued[], inst: Institution): Promise<void> {
  const pinZip = await zipFiles([{ name: 'clientAllPin.txt', data: tableFile(PIN_FILE_COLUMNS, pinRows(group)) }], ctx.now);
  const pinZipId = ctx.putFile(`bundles/${uploadId}-${group[0].app.id}-clientAllPin.zip`, pinZip);
  const ids = group.map((it) => it.app.id);
  const pinToken = createToken(ctx, 'pin', uploadId, ids, { fileIds: [pinZipId] });
  sendMail(ctx, recipients(inst.ra.mail), accessPinIssued(ctx.url(pinToken.token)));
  const allZip = await clientAllZip(ctx, group.map((it) => ({ app: it.app, cert: it.cert! })));
  const allZipId = ctx.putFile(`bundles/${uploadId}-${group[0].app.id}-clientAll.zip`, allZip);
  const token = createToken(ctx, 'client-all', uploadId, ids, { requiresToken: pinToken.token, fileIds: [allZipId] });
  sendMail(ctx, recipients(group[0].app.adminMail), clientIssueAccepted(ctx.url(token.token), false));
}

/** All accepted client rows of one upload (one method per file, SPEC §4.6). Returns the certificates by row seq. */
export async function issueClientRows(
  ctx: TxContext,
  inputs: ClientRowInput[],
  inst: Institution,
  uploadId: string,
  p12Format: P12Format,
  onProgress?: ProgressCallback,
): Promise<Map<number, CertificateRecord | undefined>> {
  const items = inputs.map(({ row, renews }) => {
    const app = acceptApplication(ctx, row, inst, uploadId, p12Format, renews);
    const { pin, chosen } = pinFor(row);
    return { app, pin, pinChosen: chosen, rdns: row.dn() };
  });
  const engineKeyed = items.filter((it) => it.app.method !== '3');
  const waiting: Issued[] = items.filter((it) => it.app.method === '3').map(({ app, pin }) => ({ app, pin }));
  const issued: Issued[] = [...(await issueWithEngineKeys(ctx, engineKeyed, onProgress)), ...waiting];
  for (const group of groupByAdmin(issued)) {
    if (group[0].app.method === '2') await deliverInBulk(ctx, uploadId, group, inst);
    else await deliverIndividually(ctx, uploadId, group);
  }
  return new Map(issued.map((it) => [it.app.seq, it.cert]));
}
