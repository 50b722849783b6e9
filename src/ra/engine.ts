// The simulated RA/CA as one object: open it on a store, upload TSV files, open the one-time URLs,
// move the clock, read lists and mails, back up and restore. Every mutation is one store transaction.
import { base64Decode, pemEncode } from '../pki/pem';
import type { TrainingCaId } from '../pki/ca-profiles';
import { CRL_CAS, publishCrl } from './ca/authority';
import { generateHierarchy } from './ca/hierarchy';
import { CaKeyring } from './ca/keyring';
import { DAY, systemClock, simulatedNow, type RealClock } from './clock';
import { DEFAULT_OPTIONS, TxContext, type EngineOptions } from './context';
import * as downloads from './downloads';
import type { DownloadResult } from './downloads';
import { createBackup, openBackup, RA_LOG_CHECK, type BackupResult, type RestoreResult } from './backup';
import { DEMO_INSTITUTION, parseInstitution, type InstitutionParse } from './institutions';
import { certificateListFile, ouAllowListFile, statisticsFile, type CertificateListKind } from './reports';
import { projectState, type ReadonlyRaState } from './state';
import { emptySnapshot, type ReadNeeds, type Store } from './store/store';
import { runTick } from './tick';
import type { Institution, UploadResult } from './types';
import type { Text } from '../spec/types';
import type { RaEvent } from './events';
import { findInstitution, runUpload, type UploadInput } from './upload';
import { registerOperator } from './issue/operator';
import { runValidator } from './validate-port';
import { recipients, sendMail } from './notify/mailer';
import { applicationSent } from './notify/templates';
import { login, logout, renewAtUrl, revokeOperator, startRenewal, type LoginResult, type OperatorActionResult, type RenewalResult } from './operator-life';

/** ADDENDUM B.2: ASCII local@domain. */
const ADMIN_MAIL = /^[\w.%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)+$/i;

/**
 * What the engine's reads and transactions need of the store: the projection, not the whole log (a store that keeps
 * a projection snapshot then opens without reading the log). Backups and `events()` ask for the log.
 */
const STATE_ONLY: ReadNeeds = { log: false };
/** The state as lists, counts and searches read it: certificates' DER may not be there yet (just opened). */
const FOR_LISTS: ReadNeeds = { log: false, complete: false };

export interface OpenOptions {
  clock?: RealClock;
  /** Institutions created on first start (default: the demo institution). */
  institutions?: Institution[];
  options?: Partial<EngineOptions>;
}

export class RaEngine {
  private readonly keyring: CaKeyring;
  private readonly options: EngineOptions;

  private constructor(
    private readonly store: Store,
    private readonly clock: RealClock,
    private readonly firstInstitutions: Institution[],
    options: Partial<EngineOptions>,
  ) {
    this.keyring = new CaKeyring(() => store.keyWrappingKey());
    this.options = { ...DEFAULT_OPTIONS, ...options };
  }

  /** Open the engine; on first start create the institutions and the training CA hierarchy. */
  static async open(store: Store, opts: OpenOptions = {}): Promise<RaEngine> {
    const engine = new RaEngine(store, opts.clock ?? systemClock, opts.institutions ?? [DEMO_INSTITUTION], opts.options ?? {});
    await engine.initialize();
    return engine;
  }

  private transaction<T>(fn: (ctx: TxContext) => Promise<T>, needs = STATE_ONLY): Promise<T> {
    return this.store.transaction((tx) => fn(new TxContext(tx, this.clock, this.keyring, this.options)), needs);
  }

  private async initialize(): Promise<void> {
    const kwk = await this.store.keyWrappingKey();
    // Writes only on a first start (an empty store: nothing was split off); an opened one is only looked at.
    await this.transaction(async (ctx) => {
      if (ctx.state.initialized) return;
      const { cas, secrets } = await generateHierarchy(ctx.now, kwk);
      for (const s of secrets) ctx.tx.putSecret(s);
      ctx.emit({ type: 'initialized', institutions: this.firstInstitutions, cas });
      for (const ca of CRL_CAS) await publishCrl(ctx, ca);
    }, FOR_LISTS);
  }

  // ---- reading ----------------------------------------------------------------------------

  /**
   * The derived state: the projection itself, not a copy (at 100 000 certificates a copy costs more than the
   * read). Read-only, and current until the next change: a reader that awaits a change asks again.
   */
  state(): Promise<ReadonlyRaState> {
    return this.store.read((view) => (view.projected() as ReadonlyRaState | undefined) ?? projectState(view.events()), STATE_ONLY);
  }

  /**
   * The state for lists, counts, searches and mails: as `state()`, but right after an open from a snapshot its
   * certificates' `certDerB64` and `spkiSha256` may still be absent and applications hold only id, DN and P12 name
   * (the rest is read apart, and joined by the first reader that needs the whole state).
   */
  listState(): Promise<ReadonlyRaState> {
    return this.store.read((view) => (view.projected() as ReadonlyRaState | undefined) ?? projectState(view.events()), FOR_LISTS);
  }

  async now(): Promise<Date> {
    return simulatedNow(this.clock, (await this.listState()).clockOffsetMs);
  }

  /** The whole log, copied (backups, the CLI's audit file); the readers below copy only what they return. */
  events() {
    return this.store.read((view) => [...view.events()]);
  }

  /** At most `limit` events after seq `afterSeq`, oldest first (read from the store without the whole log). */
  eventsSince(afterSeq: number, limit: number): Promise<RaEvent[]> {
    return this.store.read((view) => view.eventsAfter(afterSeq, limit), FOR_LISTS);
  }

  /** The newest `limit` events, oldest first (the audit trail's screen). */
  lastEvents(limit: number): Promise<RaEvent[]> {
    return this.store.read((view) => view.lastEvents(limit), FOR_LISTS);
  }

  async lastSeq(): Promise<number> {
    return (await this.listState()).lastSeq;
  }

  file(id: string): Promise<Uint8Array | undefined> {
    return this.store.read((view) => view.getFile(id), FOR_LISTS);
  }

  /** Every stored file by id (zips, P12 files, CRLs, mail attachments). */
  files(): Promise<Record<string, Uint8Array>> {
    return this.store.read(async (view) => (await view.snapshot()).files);
  }

  async certificateList(kind: CertificateListKind, institutionId?: string): Promise<Uint8Array> {
    return certificateListFile(await this.state(), kind, institutionId);
  }

  async statisticsFile(institutionId?: string): Promise<Uint8Array> {
    const state = await this.state();
    return statisticsFile(state, this.institutionOf(state, institutionId));
  }

  async ouAllowListFile(institutionId?: string): Promise<Uint8Array> {
    return ouAllowListFile(this.institutionOf(await this.state(), institutionId));
  }

  private institutionOf(state: ReadonlyRaState, id?: string): Institution {
    const inst = id ? state.institutions.get(id) : state.institutions.values().next().value;
    if (!inst) throw new Error('no such institution');
    return inst;
  }

  /** A CA certificate as PEM. */
  async caCertificatePem(ca: TrainingCaId): Promise<string> {
    const record = (await this.state()).cas.get(ca);
    if (!record) throw new Error(`no CA ${ca}`);
    return pemEncode('CERTIFICATE', base64Decode(record.certDerB64)!);
  }

  /** The latest CRL of an issuing CA, DER and PEM. */
  async crl(ca: TrainingCaId): Promise<{ number: number; der: Uint8Array; pem: string; nextUpdate: string }> {
    const state = await this.state();
    const latest = state.crls.get(ca);
    const der = latest && (await this.file(latest.fileId));
    if (!latest || !der) throw new Error(`no CRL for ${ca}`);
    return { number: latest.number, der, pem: pemEncode('X509 CRL', der), nextUpdate: latest.nextUpdate };
  }

  // ---- changing -----------------------------------------------------------------------------

  /** The RA upload: validator, RA checks, issue/renew/revoke, mails — all or nothing per the error mode. */
  async upload(input: UploadInput): Promise<UploadResult> {
    const signal = input.signal;
    signal?.throwIfAborted();
    const report = await runValidator(input.bytes, input.kind, input.fileName);
    return this.transaction(async (ctx) => {
      signal?.throwIfAborted();
      const result = await runUpload(ctx, input, report);
      // Last chance to cancel: throwing here drops every buffered write.
      signal?.throwIfAborted();
      return result;
    });
  }

  downloadServerCertificate(token: string): Promise<DownloadResult> {
    return this.transaction(async (ctx) => downloads.downloadServerCertificate(ctx, token));
  }

  downloadPins(token: string): Promise<DownloadResult> {
    return this.transaction(async (ctx) => downloads.downloadPins(ctx, token));
  }

  downloadClientCertificate(token: string): Promise<DownloadResult> {
    return this.transaction(async (ctx) => downloads.downloadClientCertificate(ctx, token));
  }

  downloadClientAll(token: string): Promise<DownloadResult> {
    return this.transaction((ctx) => downloads.downloadClientAll(ctx, token));
  }

  issueBrowserCertificate(token: string, pin: string, publicKeyOrCsr: Uint8Array): Promise<DownloadResult> {
    return this.transaction((ctx) => downloads.issueBrowserCertificate(ctx, token, pin, publicKeyOrCsr));
  }

  /**
   * サービス窓口: register the institution's RA operator for a 登録担当者用証明書 (SPEC §10). The URL goes
   * out by mail (M10); the returned PIN is what the desk hands over in person.
   */
  registerRaOperator(institutionId?: string): Promise<{ token: string; pin: string }> {
    return this.transaction(async (ctx) => registerOperator(ctx, findInstitution(ctx, institutionId)));
  }

  downloadRaOperatorCertificate(token: string, pin: string): Promise<DownloadResult> {
    return this.transaction((ctx) => downloads.downloadOperatorCertificate(ctx, token, pin));
  }

  /** 登録担当者 login with a certificate from the browser's store (001 §3-2); written to the audit trail. */
  raLogin(certificateDer: Uint8Array, subject = ''): Promise<LoginResult> {
    return this.transaction(async (ctx) => login(ctx, certificateDer, subject));
  }

  /** 「ログアウト」: the audit trail records it (001 §3-4). */
  raLogout(serialHex: string): Promise<void> {
    return this.transaction(async (ctx) => logout(ctx, serialHex));
  }

  /** サービス窓口: renewal of a valid RA operator certificate; the URL goes out by mail (M11). */
  startRaOperatorRenewal(serialHex: string): Promise<OperatorActionResult> {
    return this.transaction(async (ctx) => startRenewal(ctx, serialHex));
  }

  /** At the renewal URL, presenting the current certificate: a new P12 and its PIN (shown once). */
  renewRaOperatorCertificate(token: string, currentCertificateDer: Uint8Array): Promise<RenewalResult> {
    return this.transaction((ctx) => renewAtUrl(ctx, token, currentCertificateDer));
  }

  /** サービス窓口: revoke a lost RA operator certificate (CRL published at once). */
  revokeRaOperator(serialHex: string): Promise<OperatorActionResult> {
    return this.transaction((ctx) => revokeOperator(ctx, serialHex));
  }

  /**
   * 利用管理者情報 更新: an administrator's name and mail. Later mails about that administrator's
   * certificates (revocation notices, reminders) go to the new address. A malformed address is refused.
   */
  async updateAdministrator(oldMail: string, next: { name: string; mail: string }, institutionId?: string): Promise<{ ok: true } | { ok: false; error: Text }> {
    const mail = next.mail.trim();
    if (!ADMIN_MAIL.test(mail) || mail.length > 78) {
      return { ok: false, error: { ja: 'メールアドレスの形式が正しくありません。', en: 'The mail address is not valid.' } };
    }
    await this.transaction(async (ctx) => {
      const inst = findInstitution(ctx, institutionId);
      ctx.emit({ type: 'administrator-updated', institutionId: inst.id, oldMail: oldMail.trim(), name: next.name.trim(), mail });
    });
    return { ok: true };
  }

  /** 利用管理者 → 登録担当者: the application TSV, as a mail with the file attached (nothing is checked here). */
  sendApplicationToRa(fileName: string, bytes: Uint8Array, from: { name: string; mail: string }, institutionId?: string): Promise<void> {
    return this.transaction(async (ctx) => {
      const inst = findInstitution(ctx, institutionId);
      // The name is the sender's: it becomes part of a file id (a path in the CLI's store), so no separators.
      const safeName = fileName.replace(/[\\/\0]/g, '_').replace(/^\.+/, '_').slice(0, 200) || 'application.tsv';
      const fileId = ctx.putFile(`sent/${ctx.nextMailId()}/${safeName}`, bytes);
      sendMail(ctx, recipients(inst.ra.mail), {
        ...applicationSent(from.name, from.mail, fileName),
        attachments: [{ fileName: safeName, contentType: 'text/tab-separated-values', fileId }],
      });
    });
  }

  /** Trainer: move the simulated clock forward, then run what fell due. */
  async advanceClock(days: number): Promise<{ reminders: number; crls: number }> {
    if (!Number.isFinite(days) || days <= 0) throw new Error('days must be a positive number');
    await this.transaction(async (ctx) => {
      ctx.emit({ type: 'clock-advanced', days, offsetMs: ctx.state.clockOffsetMs + days * DAY });
    });
    return this.tick();
  }

  /** Send due reminders and refresh stale CRLs at the current simulated time. */
  tick(): Promise<{ reminders: number; crls: number }> {
    return this.transaction((ctx) => runTick(ctx));
  }

  /** Add or change an institution (same id = change). Invalid input is returned, not thrown, and not saved. */
  async saveInstitution(value: unknown): Promise<InstitutionParse> {
    const parsed = parseInstitution(value);
    if (!parsed.ok) return parsed;
    await this.transaction(async (ctx) => {
      ctx.emit({ type: 'institution-saved', institution: parsed.institution });
    });
    return parsed;
  }

  async backup(passphrase: string): Promise<BackupResult> {
    const kwk = await this.store.keyWrappingKey();
    const now = await this.now();
    return this.store.read(async (view) => createBackup(await view.snapshot(), kwk, passphrase, now));
  }

  /** Replace the whole state by a backup's. A wrong passphrase or damaged file changes nothing. */
  async restore(bytes: Uint8Array, passphrase: string): Promise<RestoreResult> {
    const result = await RaEngine.restoreStore(this.store, bytes, passphrase);
    this.keyring.clear();
    return result;
  }

  /** Forget everything and start afresh (new CA hierarchy, the first-start institutions). */
  async reset(): Promise<void> {
    await RaEngine.wipeStore(this.store);
    this.keyring.clear();
    await this.initialize();
  }

  /**
   * Restore without opening an engine: the way back when the stored state cannot be opened. The backup is
   * checked in full (schema, replay, CA keys, files: backup.ts) before the one transaction replaces everything.
   */
  static async restoreStore(store: Store, bytes: Uint8Array, passphrase: string): Promise<RestoreResult> {
    const opened = await openBackup(bytes, passphrase, await store.keyWrappingKey(), RA_LOG_CHECK);
    if (opened.ok) await store.transaction(async (tx) => tx.replaceAll(opened.snapshot));
    return opened;
  }

  /** Empty a store without reading its state (which may be damaged); the next `open` starts afresh. */
  static async wipeStore(store: Store): Promise<void> {
    await store.transaction(async (tx) => tx.replaceAll(emptySnapshot()));
  }
}
