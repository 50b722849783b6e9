// The RaApi on top of one RaEngine. It runs inside the RA worker (on IndexedDB), and in tests on a
// memory or fake IndexedDB store. It turns the engine's state into the plain view the page renders.
import { RaEngine, auditTrail, mailLinks, toEml, CERTIFICATE_LIST_FILE_NAMES, type DownloadResult, type RaState, type ReadonlyRaState } from '../ra';
import type { CertificateListKind } from '../ra/reports';
import type { CaRole, CertificateRecord, DownloadToken, Institution, UploadResult } from '../ra/types';
import type { TrainingCaId } from '../pki/ca-profiles';
import { base64Decode, pemEncode } from '../pki/pem';
import { cnOf } from '../ra/files/layouts';
import type { Store } from '../ra/store/store';
import type { EngineOptions } from '../ra/context';
import { webCryptoKeyGenerator, type KeyGenerator } from '../ra/issue/client-keys';
import type { Text } from '../spec/types';
import { jstDate } from '../spec/jst';
import { crlAllPem, serverInstallKit } from '../ra/install';
import { zipFiles } from '../pki/zip';
import type { CertificatePage, CertificateQuery, CertificateStatRow, LinkState, LinkView, MailView, NamedFile, RaApi, RaView, UploadRequest } from './ra-api';
import { certificateCounts, certificatePage, certificateStatistics } from './ra-lists';
import { normaliseSerialHex } from '../ra/context';
import type { RaEvent } from '../ra/events';

const DAY_MS = 86_400_000;
const TSV = 'text/tab-separated-values; charset=Shift_JIS';
const CHAIN_ORDER: TrainingCaId[] = ['root', 'server-rsa', 'server-ecc', 'client-auth', 'smime', 'ra-operator'];

export interface UploadHooks {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

function linkState(t: DownloadToken | undefined, state: ReadonlyRaState, now: Date): LinkState {
  if (!t) return 'unknown';
  if (t.usedAt) return 'used';
  if (new Date(t.expiresAt) < now) return 'expired';
  if (t.requiresToken && !state.tokens.get(t.requiresToken)?.usedAt) return 'pins-first';
  return 'open';
}

function needsPin(t: DownloadToken | undefined): boolean {
  return !!t && ((t.purpose === 'ra-operator' && !t.renewsSerialHex) || (t.purpose === 'client-cert' && t.fileIds.length === 0));
}

/**
 * The CN of the one certificate a mail is about, if it is about one. Mails record no certificate, but
 * what they name does: the applications their URLs serve, else the serial numbers on lines of their own
 * (取得通知, 更新通知, 再通知, 失効完了通知). Several servers' mails look alike without it.
 */
/** The certificate a line of a mail names by its decimal serial (looked up by hex: no map of every serial). */
function certificateBySerialLine(state: ReadonlyRaState, line: string): CertificateRecord | undefined {
  const text = line.trim();
  if (!/^\d{1,60}$/.test(text)) return undefined;
  return state.certificates.get(normaliseSerialHex(BigInt(text).toString(16)));
}

function mailCertificateCn(mail: RaState['mails'][number], links: LinkView[], state: ReadonlyRaState): string | undefined {
  const dns = new Set<string>();
  for (const l of links) {
    for (const id of state.tokens.get(l.token)?.applicationIds ?? []) {
      const app = state.applications.get(id);
      if (app) dns.add(app.dn);
    }
  }
  if (dns.size === 0) {
    for (const line of mail.body.split('\n')) {
      const cert = certificateBySerialLine(state, line);
      if (cert) dns.add(cert.dn);
    }
  }
  const cns = new Set([...dns].map((dn) => cnOf(dn) || dn));
  return cns.size === 1 ? [...cns][0] : undefined;
}

function mailView(mail: RaState['mails'][number], state: ReadonlyRaState, now: Date): MailView {
  const links: LinkView[] = mailLinks(mail.body).map((l) => {
    const t = state.tokens.get(l.token);
    const app = t?.purpose === 'client-cert' ? state.applications.get(t.applicationIds[0]) : undefined;
    return {
      ...l,
      purpose: t?.purpose,
      state: linkState(t, state, now),
      needsPin: needsPin(t),
      ...(t?.renewsSerialHex ? { renewsSerialHex: t.renewsSerialHex } : {}),
      ...(app ? { p12Name: app.p12Name || cnOf(app.dn) } : {}),
    };
  });
  return { ...mail, links, certificateCn: mailCertificateCn(mail, links, state) };
}

/** Method 3 in the simulator: the "browser" makes the user's RSA 2048 key (kept nowhere) and sends its public key. */
async function browserPublicKey(): Promise<Uint8Array> {
  const keys = await globalThis.crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
  return new Uint8Array(await globalThis.crypto.subtle.exportKey('spki', keys.publicKey));
}

export class RaService implements RaApi {
  private engine: Promise<RaEngine> | undefined;
  private store: Promise<Store> | undefined;

  /**
   * The store is opened apart from the engine so that restore and reset work even when the stored state
   * cannot be opened (a damaged log): the page must never lose its way back.
   */
  /** Other processes' key makers (the page's key helper frame), used by client issue besides this thread's WebCrypto. */
  private readonly keyHelpers: (KeyGenerator & { closed(): boolean })[] = [];

  constructor(
    private readonly openStore: () => Promise<Store>,
    private readonly openEngine: (store: Store, options: Partial<EngineOptions>) => Promise<RaEngine> = (store, options) => RaEngine.open(store, { options }),
  ) {}

  /**
   * With a helper: the helper's keys plus one at a time from this worker's own WebCrypto. The worker's key queues
   * its signing and PBKDF2 calls behind it now and then, but the issuing loop has time to spare (measured, 200
   * users at load ≈ 4: 88–92 ms/user helper only, 67–71 with both). Without one: the engine's default (a key per core).
   */
  private keyGenerators(): KeyGenerator[] {
    const helpers = this.keyHelpers.filter((h) => !h.closed());
    return helpers.length ? [...helpers, webCryptoKeyGenerator(1)] : [];
  }

  /** A key helper connected (its port came from the page); the next uploads use it. */
  addKeyHelper(helper: KeyGenerator & { closed(): boolean }): void {
    this.keyHelpers.push(helper);
  }

  private getStore(): Promise<Store> {
    this.store ??= this.openStore().catch((err: unknown) => {
      this.store = undefined;
      throw err;
    });
    return this.store;
  }

  private get(): Promise<RaEngine> {
    this.engine ??= this.getStore()
      .then((store) => this.openEngine(store, { clientKeyGenerators: () => this.keyGenerators() }))
      .catch((err: unknown) => {
        this.engine = undefined; // let the next call try again
        throw err;
      });
    return this.engine;
  }

  async view(): Promise<RaView> {
    const engine = await this.get();
    const now = await engine.now();
    const state = await engine.listState(); // read after the last await: the view is built from one state
    return {
      now: now.toISOString(),
      clockOffsetDays: Math.round(state.clockOffsetMs / DAY_MS),
      institutions: [...state.institutions.values()],
      certificateCounts: certificateCounts(state),
      mails: state.mails.map((m) => mailView(m, state, now)).reverse(),
      uploads: [...state.uploads],
      crls: [...state.crls.values()].map((c) => ({ caId: c.caId, number: c.number, nextUpdate: c.nextUpdate })),
      operatorCertificates: [...state.operatorCertificates.values()].map((c) => ({
        serialHex: c.serialHex,
        serialDecimal: c.serialDecimal,
        institutionId: c.institutionId,
        subject: c.subject,
        notBefore: c.notBefore,
        notAfter: c.notAfter,
        certificateDer: base64Decode(c.certDerB64)!,
        ...(c.revokedAt ? { revokedAt: c.revokedAt } : {}),
        ...(c.renewsSerialHex ? { renewsSerialHex: c.renewsSerialHex } : {}),
      })),
    };
  }

  async certificatePage(query: CertificateQuery): Promise<CertificatePage> {
    return certificatePage(await (await this.get()).listState(), query);
  }

  async certificateStatistics(): Promise<CertificateStatRow[]> {
    return certificateStatistics(await (await this.get()).listState());
  }

  async upload(request: UploadRequest, hooks: UploadHooks = {}): Promise<UploadResult> {
    const engine = await this.get();
    return engine.upload({ ...request, onProgress: hooks.onProgress, signal: hooks.signal });
  }

  async openLink(token: string, pin?: string): Promise<DownloadResult> {
    const engine = await this.get();
    const t = (await engine.state()).tokens.get(token);
    switch (t?.purpose) {
      case 'server-cert':
        return engine.downloadServerCertificate(token);
      case 'pin':
        return engine.downloadPins(token);
      case 'client-all':
        return engine.downloadClientAll(token);
      case 'ra-operator':
        return engine.downloadRaOperatorCertificate(token, pin ?? '');
      case 'client-cert':
        return t.fileIds.length > 0
          ? engine.downloadClientCertificate(token)
          : engine.issueBrowserCertificate(token, pin ?? '', await browserPublicKey());
      default:
        // Unknown tokens get the engine's own refusal text.
        return engine.downloadServerCertificate(token);
    }
  }

  async attachment(fileId: string, fileName: string, contentType: string): Promise<NamedFile> {
    const bytes = await (await this.get()).file(fileId);
    if (!bytes) throw new Error(`no file ${fileId}`);
    return { fileName, contentType, bytes };
  }

  async certificateList(kind: CertificateListKind): Promise<NamedFile> {
    return { fileName: CERTIFICATE_LIST_FILE_NAMES[kind], contentType: TSV, bytes: await (await this.get()).certificateList(kind) };
  }

  async statistics(): Promise<NamedFile> {
    return { fileName: 'statistics.txt', contentType: TSV, bytes: await (await this.get()).statisticsFile() };
  }

  async ouAllowList(): Promise<NamedFile> {
    return { fileName: 'ouAllowList.txt', contentType: TSV, bytes: await (await this.get()).ouAllowListFile() };
  }

  async crl(caId: CaRole, form: 'der' | 'pem'): Promise<NamedFile> {
    const crl = await (await this.get()).crl(caId);
    return form === 'der'
      ? { fileName: `${caId}.crl`, contentType: 'application/pkix-crl', bytes: crl.der }
      : { fileName: `${caId}.crl.pem`, contentType: 'application/x-pem-file', bytes: new TextEncoder().encode(crl.pem) };
  }

  async chain(): Promise<NamedFile> {
    const engine = await this.get();
    const pems = await Promise.all(CHAIN_ORDER.map((id) => engine.caCertificatePem(id)));
    return { fileName: 'chain.pem', contentType: 'application/x-pem-file', bytes: new TextEncoder().encode(pems.join('')) };
  }

  async certificate(serialHex: string): Promise<NamedFile> {
    const cert = (await (await this.get()).state()).certificates.get(serialHex);
    const der = cert && base64Decode(cert.certDerB64);
    if (!cert || !der) throw new Error(`no certificate ${serialHex}`);
    const pem = pemEncode('CERTIFICATE', der);
    return { fileName: `${cert.serialDecimal}.pem`, contentType: 'application/x-pem-file', bytes: new TextEncoder().encode(pem) };
  }

  async installKit(serialHex: string): Promise<NamedFile> {
    const engine = await this.get();
    const cert = (await engine.state()).certificates.get(serialHex);
    if (!cert || cert.family !== 'server') throw new Error(`no server certificate ${serialHex}`);
    await engine.tick(); // CRLs current, and the root's published in a state made before it existed
    const files = await serverInstallKit(engine, cert);
    const bytes = await zipFiles(files.map((f) => ({ name: f.path, data: f.text })), await engine.now());
    return { fileName: `install-${cert.serialDecimal}.zip`, contentType: 'application/zip', bytes };
  }

  async crlAll(): Promise<NamedFile> {
    const engine = await this.get();
    await engine.tick(); // as installKit
    return { fileName: 'all.pem', contentType: 'application/x-pem-file', bytes: new TextEncoder().encode(await crlAllPem(engine)) };
  }

  async advanceClock(days: number): Promise<{ reminders: number; crls: number }> {
    return (await this.get()).advanceClock(days);
  }

  async saveInstitution(value: Institution) {
    return (await this.get()).saveInstitution(value);
  }

  async backup(passphrase: string): Promise<{ ok: true; file: NamedFile } | { ok: false; message: Text }> {
    const engine = await this.get();
    // The date in the name is the trainer's calendar day (JST), like every other date the RA shows.
    const stamp = jstDate(await engine.now());
    const made = await engine.backup(passphrase);
    if (!made.ok) return made;
    return { ok: true, file: { fileName: `upki-ra-backup-${stamp}.json`, contentType: 'application/json', bytes: made.bytes } };
  }

  /** Works without an open engine (see the constructor); the engine is reopened on the restored state. */
  async restore(bytes: Uint8Array, passphrase: string) {
    const result = await RaEngine.restoreStore(await this.getStore(), bytes, passphrase);
    if (!result.ok) return result;
    this.engine = undefined;
    return { ok: true as const };
  }

  /** Works without an open engine: empties the store, then opens afresh (new CA hierarchy). */
  async reset(): Promise<void> {
    await RaEngine.wipeStore(await this.getStore());
    this.engine = undefined;
    await this.get();
  }

  async auditTrail(limit: number) {
    return auditTrail(await (await this.get()).lastEvents(limit)).reverse();
  }

  async eventsSince(afterSeq: number, limit: number): Promise<RaEvent[]> {
    return (await this.get()).eventsSince(afterSeq, limit);
  }

  async lastSeq(): Promise<number> {
    return (await this.get()).lastSeq();
  }

  async eml(mailId: string): Promise<NamedFile> {
    const engine = await this.get();
    const mail = (await engine.state()).mails.find((m) => m.id === mailId);
    if (!mail) throw new Error(`no mail ${mailId}`);
    // Only this mail's attachments: the store reads files when asked for (a large store holds thousands).
    const files = new Map<string, Uint8Array | undefined>();
    for (const a of mail.attachments) files.set(a.fileId, await engine.file(a.fileId));
    return { fileName: `${mailId}.eml`, contentType: 'message/rfc822', bytes: toEml(mail, (id) => files.get(id)) };
  }

  async raLogin(certificateDer: Uint8Array, subject: string) {
    return (await this.get()).raLogin(certificateDer, subject);
  }

  async raLogout(serialHex: string) {
    return (await this.get()).raLogout(serialHex);
  }

  async registerRaOperator(institutionId?: string) {
    return (await this.get()).registerRaOperator(institutionId);
  }

  async startRaOperatorRenewal(serialHex: string) {
    return (await this.get()).startRaOperatorRenewal(serialHex);
  }

  async renewRaOperator(token: string, currentCertificateDer: Uint8Array) {
    return (await this.get()).renewRaOperatorCertificate(token, currentCertificateDer);
  }

  async revokeRaOperator(serialHex: string) {
    return (await this.get()).revokeRaOperator(serialHex);
  }

  async issueBrowserCertificate(token: string, pin: string, spkiDer: Uint8Array) {
    const engine = await this.get();
    const result = await engine.issueBrowserCertificate(token, pin, spkiDer);
    if (!result.ok) return { result, chainDer: [] };
    const state = await engine.state();
    const caId = state.certificates.get(result.serialsHex[0])?.caId;
    const chainDer = (caId ? [caId, 'root' as const] : []).map((id) => base64Decode(state.cas.get(id)!.certDerB64)!);
    return { result, chainDer };
  }

  async sendApplicationToRa(fileName: string, bytes: Uint8Array, from: { name: string; mail: string }) {
    return (await this.get()).sendApplicationToRa(fileName, bytes, from);
  }

  async updateAdministrator(oldMail: string, next: { name: string; mail: string }) {
    return (await this.get()).updateAdministrator(oldMail, next);
  }
}
