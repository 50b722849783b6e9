// The simulated JPNIC resource-certificate service as one object (Web申請システム + 認証局システム): open it
// on a store, log in with a certificate from the simulated browser store, register/delete accounts,
// issue / revoke / reissue with license IDs, and let the applicant fetch with one. Every change is one
// store transaction of events (types.ts); refusals are values (Outcome), never exceptions.
import { toHex } from '../pki/crypto';
import { base64Decode, pemEncode } from '../pki/pem';
import { DAY, createBackup, openBackup, emptySnapshot, randomSerialHex, simulatedNow, systemClock, type RealClock, type RestoreResult, type Store, type StoreTx } from '../sim';
import { caDer, caSecretId, generateCaPair, issueEndEntity, resourceCaKey, sha1Fingerprint, signCrl } from './ca';
import { drawLicenseBlocks, parseLicenseInput } from './license';
import { licenseMail, revocationMail, type MailDraft } from './mails';
import { APPLICANT_EMAIL, APPLICANT_NAME, APPLICANT_VALIDITY_DAYS, DEFAULT_MANAGER, LICENSE, MANAGER_VALIDITY_DAYS, MESSAGES, REVOCATION_REASON, accountIdOf, type JpnicCaId, type ManagerProfile, type MessageKey } from './rules';
import { JPNIC_LOG_CHECK } from './event-schema';
import { applyEvent, certificateStatus, currentCertificate, projectJpnicState, type JpnicState } from './state';
import type { JpnicAccount, JpnicCertificate, JpnicEvent, JpnicEventBody, License, Outcome, Refusal } from './types';

export function refuse(code: MessageKey): Refusal {
  return { ok: false, code, message: MESSAGES[code] };
}

export interface JpnicOpenOptions {
  clock?: RealClock;
  manager?: ManagerProfile;
}

class Ctx {
  readonly state: JpnicState;
  readonly now: Date;
  constructor(readonly tx: StoreTx<JpnicEvent>, clock: RealClock) {
    this.state = projectJpnicState(tx.events());
    this.now = simulatedNow(clock, this.state.clockOffsetMs);
  }
  get at(): string {
    return this.now.toISOString();
  }
  emit(body: JpnicEventBody): JpnicEvent {
    const event = { seq: this.state.lastSeq + 1, at: this.at, ...body };
    this.tx.append(event);
    applyEvent(this.state, event);
    return event;
  }
  mail(draft: MailDraft) {
    const mail = { id: `J${String(this.state.mails.length + 1).padStart(7, '0')}`, at: this.at, ...draft, attachments: [], signed: false };
    this.emit({ type: 'jpnic-mailed', mail });
    return mail;
  }
  serial(): string {
    for (;;) {
      const hex = randomSerialHex(16);
      if (!this.state.certificates.has(hex) && ![...this.state.reservedSerials.values()].includes(hex)) return hex;
    }
  }
}

export interface LoginOk {
  role: 'manager' | 'applicant';
  certificate: JpnicCertificate;
  account?: JpnicAccount;
}

/** What 「証明書申請完了」/「証明書更新受付完了」 shows: the screen's blocks, never the last one. */
export interface LicenseHandout {
  license: License;
  /** The blocks the screen shows (all but the last). */
  screenBlocks: string[];
  mailId: string;
}

export class JpnicEngine {
  private constructor(
    private readonly store: Store<JpnicEvent>,
    private readonly clock: RealClock,
  ) {}

  static async open(store: Store<JpnicEvent>, opts: JpnicOpenOptions = {}): Promise<JpnicEngine> {
    const engine = new JpnicEngine(store, opts.clock ?? systemClock);
    await engine.initialize(opts.manager ?? DEFAULT_MANAGER);
    return engine;
  }

  private transaction<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T> {
    return this.store.transaction((tx) => fn(new Ctx(tx, this.clock)));
  }

  private async caKey(ctx: Ctx): Promise<CryptoKey> {
    return resourceCaKey(ctx.tx.getSecret(caSecretId('jpnic-resource')), await this.store.keyWrappingKey());
  }

  private async initialize(manager: ManagerProfile): Promise<void> {
    const kwk = await this.store.keyWrappingKey();
    await this.transaction(async (ctx) => {
      if (ctx.state.initialized) return;
      const { cas, secrets } = await generateCaPair(ctx.now, kwk);
      for (const s of secrets) ctx.tx.putSecret(s);
      ctx.emit({ type: 'jpnic-initialized', manager, cas });
      // The 資源管理者証明書: its key stays in the (simulated) manager's browser; the simulation needs only the certificate.
      const keys = (await globalThis.crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, false, ['sign', 'verify']));
      const caKey = await this.caKey(ctx);
      const certificate = await issueEndEntity(ctx.state, caKey, { kind: 'manager', maintainerCode: manager.maintainerCode, name: manager.managerName, email: manager.managerEmail, spki: keys.publicKey, now: ctx.now, validityDays: MANAGER_VALIDITY_DAYS, serialHex: ctx.serial() });
      ctx.emit({ type: 'jpnic-certificate-issued', certificate });
      await this.publishCrl(ctx, caKey);
    });
  }

  private async publishCrl(ctx: Ctx, caKey: CryptoKey): Promise<void> {
    const number = (ctx.state.crl?.number ?? 0) + 1;
    const { der, nextUpdate } = await signCrl(ctx.state, caKey, ctx.now, number);
    const fileId = `jpnic-crl/${number}.crl`;
    ctx.tx.putFile(fileId, der);
    ctx.emit({ type: 'jpnic-crl-published', number, thisUpdate: ctx.at, nextUpdate: nextUpdate.toISOString(), fileId });
  }

  // ---- reading ----------------------------------------------------------------------------

  state(): Promise<JpnicState> {
    return this.store.read((view) => projectJpnicState(view.events()));
  }
  events(): Promise<JpnicEvent[]> {
    return this.store.read((view) => [...view.events()]);
  }
  async now(): Promise<Date> {
    return simulatedNow(this.clock, (await this.state()).clockOffsetMs);
  }
  async caCertificate(id: JpnicCaId): Promise<Uint8Array> {
    return caDer(await this.state(), id);
  }
  async caCertificatePem(id: JpnicCaId): Promise<string> {
    return pemEncode('CERTIFICATE', await this.caCertificate(id));
  }
  /** The root's SHA-1 fingerprint, 40 upper-case hex digits (what the fingerprint page publishes). */
  async rootFingerprint(): Promise<string> {
    return sha1Fingerprint(await this.caCertificate('jpnic-root'));
  }
  async managerCertificate(): Promise<JpnicCertificate> {
    const cert = [...(await this.state()).certificates.values()].find((c) => c.kind === 'manager');
    if (!cert) throw new Error('no manager certificate');
    return cert;
  }
  async crl(): Promise<{ number: number; der: Uint8Array; pem: string; nextUpdate: string }> {
    const state = await this.state();
    const der = state.crl && (await this.store.read((v) => v.getFile(state.crl!.fileId)));
    if (!state.crl || !der) throw new Error('no JPNIC CRL');
    return { number: state.crl.number, der, pem: pemEncode('X509 CRL', der), nextUpdate: state.crl.nextUpdate };
  }

  /** Web申請システム login with a certificate from the browser store. */
  async login(certDer: Uint8Array | undefined): Promise<Outcome<LoginOk>> {
    return checkLogin(await this.state(), await this.now(), certDer);
  }

  // ---- the resource manager's operations (each authenticated with the 資源管理者証明書) ------------

  private manage<T>(auth: Uint8Array | undefined, fn: (ctx: Ctx) => Promise<Outcome<T>>): Promise<Outcome<T>> {
    return this.transaction(async (ctx) => {
      const login = await checkLogin(ctx.state, ctx.now, auth);
      if (!login.ok) return login;
      if (login.role !== 'manager') return refuse('notManager');
      return fn(ctx);
    });
  }

  /** 1.2.1.1: register an account; the system assigns the 証明書認証ID. Registering is not issuing. */
  registerAccount(auth: Uint8Array | undefined, userName: string): Promise<Outcome<{ account: JpnicAccount }>> {
    return this.manage(auth, async (ctx) => {
      const name = userName.trim();
      if (!name || name.length > 64) return refuse('badUserName');
      const accountId = accountIdOf(ctx.state.accountCount + 1);
      ctx.emit({ type: 'jpnic-account-registered', account: { accountId, userName: name } });
      return { ok: true, account: ctx.state.accounts.get(accountId)! };
    });
  }

  /** 削除: the account goes, its certificate is NOT revoked (not on the CRL) but can no longer log in. */
  deleteAccount(auth: Uint8Array | undefined, accountId: string): Promise<Outcome<{ account: JpnicAccount; unrevoked?: JpnicCertificate }>> {
    return this.manage(auth, async (ctx) => {
      const account = liveAccount(ctx.state, accountId);
      if (!account) return refuse('unknownAccount');
      ctx.emit({ type: 'jpnic-account-deleted', accountId });
      const cert = currentCertificate(ctx.state, accountId);
      return { ok: true, account, ...(cert ? { unrevoked: cert } : {}) };
    });
  }

  /** 1.2.1.4–5: 「証明書申請」 → 「証明書申請完了」 with the license ID (2 blocks on screen, the last by mail). */
  requestIssue(auth: Uint8Array | undefined, accountId: string, input: { name: string; email: string }): Promise<Outcome<LicenseHandout>> {
    return this.manage(auth, async (ctx) => {
      if (!liveAccount(ctx.state, accountId)) return refuse('unknownAccount');
      const current = currentCertificate(ctx.state, accountId);
      if (current && certificateStatus(current, ctx.now) === 'valid') return refuse('alreadyIssued');
      const name = input.name.trim();
      const email = input.email.trim();
      if (!APPLICANT_NAME.test(name)) return refuse('badName');
      if (!APPLICANT_EMAIL.test(email)) return refuse('badEmail');
      return { ok: true, ...handOut(ctx, { accountId, purpose: 'issue', name, email }) };
    });
  }

  /** 1.3.1.3 「証明書失効」: the certificate about to be revoked (nothing changes yet). */
  revokeScreen(auth: Uint8Array | undefined, accountId: string): Promise<Outcome<{ certificate: JpnicCertificate }>> {
    return this.manage(auth, async (ctx) => {
      if (!liveAccount(ctx.state, accountId)) return refuse('unknownAccount');
      const certificate = currentCertificate(ctx.state, accountId);
      return certificate ? { ok: true, certificate } : refuse('noActiveCertificate');
    });
  }

  /**
   * 1.4.1.3 「証明書更新」: the current certificate, the EMAIL to keep or change, and the シリアル番号 the new
   * certificate will carry — reserved now, so the manager can note it and pass it on (docs/jpnic.md).
   */
  reissueScreen(auth: Uint8Array | undefined, accountId: string): Promise<Outcome<{ certificate: JpnicCertificate; newSerialHex: string; newSerialDecimal: string }>> {
    return this.manage(auth, async (ctx) => {
      if (!liveAccount(ctx.state, accountId)) return refuse('unknownAccount');
      const certificate = currentCertificate(ctx.state, accountId);
      if (!certificate) return refuse('noActiveCertificate');
      let newSerialHex = ctx.state.reservedSerials.get(accountId);
      if (!newSerialHex) {
        newSerialHex = ctx.serial();
        ctx.emit({ type: 'jpnic-serial-reserved', accountId, serialHex: newSerialHex });
      }
      return { ok: true, certificate, newSerialHex, newSerialDecimal: BigInt(`0x${newSerialHex}`).toString(10) };
    });
  }

  /** 1.4.1.3–4: 「証明書更新」 → 「証明書更新受付完了」; same name (same subject), EMAIL may change. */
  requestReissue(auth: Uint8Array | undefined, accountId: string, input: { email?: string }): Promise<Outcome<LicenseHandout & { replaces: JpnicCertificate; newSerialDecimal: string }>> {
    return this.manage(auth, async (ctx) => {
      if (!liveAccount(ctx.state, accountId)) return refuse('unknownAccount');
      const replaces = currentCertificate(ctx.state, accountId);
      if (!replaces) return refuse('noActiveCertificate');
      const email = (input.email ?? replaces.email).trim();
      if (!APPLICANT_EMAIL.test(email)) return refuse('badEmail');
      let newSerialHex = ctx.state.reservedSerials.get(accountId);
      if (!newSerialHex) {
        newSerialHex = ctx.serial();
        ctx.emit({ type: 'jpnic-serial-reserved', accountId, serialHex: newSerialHex });
      }
      const handout = handOut(ctx, { accountId, purpose: 'reissue', name: replaces.name, email, replacesSerialHex: replaces.serialHex, newSerialHex });
      return { ok: true, replaces, newSerialDecimal: BigInt(`0x${newSerialHex}`).toString(10), ...handout };
    });
  }

  /** 1.3.1: 「証明書失効」 → completion; the notice goes to the certificate's address; a new CRL lists it. */
  revoke(auth: Uint8Array | undefined, accountId: string): Promise<Outcome<{ certificate: JpnicCertificate; mailId: string }>> {
    return this.manage(auth, async (ctx) => {
      if (!liveAccount(ctx.state, accountId)) return refuse('unknownAccount');
      const cert = currentCertificate(ctx.state, accountId);
      if (!cert) return refuse('noActiveCertificate');
      ctx.emit({ type: 'jpnic-revoked', serialHex: cert.serialHex, reason: REVOCATION_REASON.revoke });
      const mail = ctx.mail(revocationMail(ctx.state.manager!, ctx.state.certificates.get(cert.serialHex)!, ctx.at));
      await this.publishCrl(ctx, await this.caKey(ctx));
      return { ok: true, certificate: ctx.state.certificates.get(cert.serialHex)!, mailId: mail.id };
    });
  }

  // ---- the applicant's operations (no client certificate needed) -------------------------------

  /** 1.2.2.4 「ライセンスIDチェック」: the name and EMAIL to confirm, or why the ID is refused. Changes nothing but the audit. */
  async checkLicense(input: string): Promise<Outcome<{ license: License }>> {
    return this.transaction(async (ctx) => {
      const found = findLicense(ctx.state, ctx.now, input);
      if (!found.ok) ctx.emit({ type: 'jpnic-license-refused', reason: found.code });
      return found;
    });
  }

  /**
   * 1.2.2.5–6 「証明書を取得する」→「証明書インストール」: the CA signs the public key the applicant's browser
   * made; the license is used up. On a reissue the replaced certificate is revoked (superseded) now.
   */
  fetchCertificate(input: string, spki: Uint8Array): Promise<Outcome<{ certificate: JpnicCertificate; der: Uint8Array; chain: Uint8Array[] }>> {
    return this.transaction(async (ctx) => {
      const found = findLicense(ctx.state, ctx.now, input);
      if (!found.ok) {
        ctx.emit({ type: 'jpnic-license-refused', reason: found.code });
        return found;
      }
      const { license } = found;
      const caKey = await this.caKey(ctx);
      const certificate = await issueEndEntity(ctx.state, caKey, { kind: 'applicant', accountId: license.accountId, maintainerCode: ctx.state.manager!.maintainerCode, name: license.name, email: license.email, spki, now: ctx.now, validityDays: APPLICANT_VALIDITY_DAYS, serialHex: license.newSerialHex ?? ctx.serial() });
      ctx.emit({ type: 'jpnic-certificate-issued', certificate, licenseId: license.licenseId });
      if (license.replacesSerialHex && !ctx.state.certificates.get(license.replacesSerialHex)?.revokedAt) {
        ctx.emit({ type: 'jpnic-revoked', serialHex: license.replacesSerialHex, reason: REVOCATION_REASON.superseded });
        await this.publishCrl(ctx, caKey);
      }
      return { ok: true, certificate, der: base64Decode(certificate.certDerB64)!, chain: [caDer(ctx.state, 'jpnic-resource'), caDer(ctx.state, 'jpnic-root')] };
    });
  }

  // ---- trainer -------------------------------------------------------------------------------

  async advanceClock(days: number): Promise<Outcome<{ now: string }>> {
    if (!Number.isFinite(days) || days <= 0) return refuse('badDays');
    return this.transaction(async (ctx) => {
      ctx.emit({ type: 'jpnic-clock-advanced', days, offsetMs: ctx.state.clockOffsetMs + days * DAY });
      return { ok: true, now: new Date(Date.parse(ctx.at) + days * DAY).toISOString() };
    });
  }

  async backup(passphrase: string): Promise<Uint8Array> {
    const kwk = await this.store.keyWrappingKey();
    const now = await this.now();
    // The shared writer refuses a passphrase under 8 characters (issue 10); the JPNIC page asks for more.
    const made = await this.store.read(async (view) => createBackup(await view.snapshot(), kwk, passphrase, now));
    if (!made.ok) throw new Error(made.message.en);
    return made.bytes;
  }

  async restore(bytes: Uint8Array, passphrase: string): Promise<RestoreResult<JpnicEvent>> {
    const opened = await openBackup<JpnicEvent>(bytes, passphrase, await this.store.keyWrappingKey(), JPNIC_LOG_CHECK);
    if (opened.ok) await this.store.transaction(async (tx) => tx.replaceAll(opened.snapshot));
    return opened;
  }

  async reset(manager: ManagerProfile = DEFAULT_MANAGER): Promise<void> {
    await this.store.transaction(async (tx) => tx.replaceAll(emptySnapshot<JpnicEvent>()));
    await this.initialize(manager);
  }

  file(id: string): Promise<Uint8Array | undefined> {
    return this.store.read((view) => view.getFile(id));
  }
}

function liveAccount(state: JpnicState, accountId: string): JpnicAccount | undefined {
  const account = state.accounts.get(accountId.trim());
  return account && !account.deletedAt ? account : undefined;
}

function handOut(ctx: Ctx, l: Pick<License, 'accountId' | 'purpose' | 'name' | 'email' | 'replacesSerialHex' | 'newSerialHex'>): LicenseHandout {
  const blocks = drawLicenseBlocks();
  const license: License = {
    licenseId: `L${String(ctx.state.licenses.size + 1).padStart(6, '0')}`,
    ...l,
    blocks,
    createdAt: ctx.at,
    expiresAt: new Date(ctx.now.getTime() + LICENSE.validDays * DAY).toISOString(),
  };
  ctx.emit({ type: 'jpnic-license-created', license });
  const mail = ctx.mail(licenseMail(ctx.state.manager!, license));
  return { license: ctx.state.licenses.get(license.licenseId)!, screenBlocks: blocks.slice(0, -1), mailId: mail.id };
}

function findLicense(state: JpnicState, now: Date, input: string): Outcome<{ license: License }> {
  if (!state.initialized) return refuse('notInitialized');
  const parsed = parseLicenseInput(input);
  if (!parsed.ok) return refuse('licenseIncomplete');
  const key = parsed.blocks.join('');
  const license = [...state.licenses.values()].find((l) => l.blocks.join('') === key);
  if (!license) return refuse('licenseWrong');
  if (license.usedAt) return refuse('licenseUsed');
  if (state.accounts.get(license.accountId)?.deletedAt) return refuse('licenseAccountGone');
  if (license.supersededAt) return refuse('licenseSuperseded');
  if (now.getTime() >= new Date(license.expiresAt).getTime()) return refuse('licenseExpired');
  return { ok: true, license };
}

async function checkLogin(state: JpnicState, now: Date, certDer: Uint8Array | undefined): Promise<Outcome<LoginOk>> {
  if (!state.initialized) return refuse('notInitialized');
  if (!certDer || certDer.length === 0) return refuse('noCertificate');
  const sha256 = toHex(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', certDer as BufferSource)));
  const certificate = [...state.certificates.values()].find((c) => c.sha256 === sha256);
  if (!certificate) return refuse('unknownCertificate');
  const status = certificateStatus(certificate, now);
  if (status === 'revoked') return refuse('revokedCertificate');
  if (status !== 'valid') return refuse('expiredCertificate');
  if (certificate.kind === 'manager') return { ok: true, role: 'manager', certificate };
  const account = state.accounts.get(certificate.accountId ?? '');
  if (!account || account.deletedAt) return refuse('deletedAccount');
  return { ok: true, role: 'applicant', certificate, account };
}
