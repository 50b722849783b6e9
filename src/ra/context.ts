// What every step of the engine gets while it runs inside one store transaction: the projected
// state (kept current as events are emitted), one fixed "now", and id/serial/token allocation.
import type { Family } from '../spec/types';
import { base64Encode } from '../pki/pem';
import type { RaEvent, RaEventBody } from './events';
import { applyEvent, overlayState, projectState, type RaState } from './state';
import type { StoreTx } from './store/store';
import type { CaKeyring } from './ca/keyring';
import { simulatedNow, type RealClock } from './clock';
import type { KeyGenerator } from './issue/client-keys';

export interface EngineOptions {
  /** Base of the simulated one-time URLs; the token is appended. `.invalid` never resolves (RFC 6761). */
  urlBase: string;
  /** Serial source (hex of `bytes` random bytes); tests may inject one that collides on purpose. */
  randomSerialHex: (bytes: number) => string;
  /**
   * Where the keys of engine-made client certificates come from besides this thread's WebCrypto (asked at each
   * upload: the page's helper process may connect late or go away). Empty or absent: WebCrypto here, a key per core.
   */
  clientKeyGenerators?: () => KeyGenerator[];
}

/**
 * Serial sizes. Server: 16 random bytes (≤ 39 decimal digits, within the server TSV's 50). Client: the
 * renew/revoke TSV column holds only 32 characters (SPEC §5.5, §5.6), and 16 bytes need up to 39 decimal
 * digits or 34 characters as 0x-hex — such a certificate could never be renewed or revoked. So client
 * serials have 13 random bytes (≈ 102 random bits once the sign bit is cleared and the first byte made
 * non-zero: ≤ 32 decimal digits, 28 characters as 0x-hex).
 */
export const SERIAL_BYTES: Record<Family, number> = { server: 16, client: 13 };

/** `bytes` CSPRNG bytes as hex; top bit cleared (positive INTEGER) and first byte non-zero (full length). */
export function randomSerialHex(bytes: number): string {
  const b = globalThis.crypto.getRandomValues(new Uint8Array(bytes));
  b[0] = (b[0] & 0x7f) | 0x01;
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

export const DEFAULT_OPTIONS: EngineOptions = {
  urlBase: 'https://upki-sim.invalid/t/',
  randomSerialHex,
};

export class TxContext {
  readonly state: RaState;
  /** One "now" for the whole transaction: the real clock moved by the trainer's offset. */
  readonly now: Date;
  private readonly reservedSerials = new Set<string>();
  /** The events this transaction emitted so far, in order. */
  readonly emitted: RaEvent[] = [];

  constructor(
    readonly tx: StoreTx,
    realClock: RealClock,
    readonly keyring: CaKeyring,
    readonly options: EngineOptions,
  ) {
    // The committed projection, not copied: this transaction's events land in an overlay of it, so a
    // transaction that throws leaves the projection exactly as it was.
    // A store that keeps the fold (IndexedDB with RA_PROJECTION) hands it over; otherwise it is folded from the log.
    this.state = overlayState((tx.projected?.() as RaState | undefined) ?? projectState(tx.events()));
    this.now = simulatedNow(realClock, this.state.clockOffsetMs);
  }

  get at(): string {
    return this.now.toISOString();
  }

  emit(body: RaEventBody): RaEvent {
    const event = { seq: this.state.lastSeq + 1, at: this.at, ...body };
    this.tx.append(event);
    this.emitted.push(event);
    applyEvent(this.state, event);
    return event;
  }

  /**
   * A fresh serial, unique among every certificate ever issued and every serial reserved in this
   * transaction. Transactions are serialised, so two uploads can never draw the same one.
   */
  allocateSerial(family: Family): string {
    for (let attempt = 0; attempt < 100; attempt++) {
      const hex = normaliseSerialHex(this.options.randomSerialHex(SERIAL_BYTES[family]));
      if (!this.state.certificates.has(hex) && !this.state.operatorCertificates.has(hex) && !this.reservedSerials.has(hex)) {
        this.reservedSerials.add(hex);
        return hex;
      }
    }
    throw new Error('could not draw a unique serial number');
  }

  nextUploadId(): string {
    return `U${String(this.state.uploads.length + 1).padStart(6, '0')}`;
  }

  private applicationCounter = 0;
  nextApplicationId(): string {
    this.applicationCounter = Math.max(this.applicationCounter, this.state.applications.size);
    this.applicationCounter += 1;
    return `A${String(this.applicationCounter).padStart(7, '0')}`;
  }

  nextMailId(): string {
    return `M${String(this.state.mails.length + 1).padStart(7, '0')}`;
  }

  newToken(): string {
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(24));
    return base64Encode(bytes).replace(/\+/g, '-').replace(/\//g, '_');
  }

  url(token: string): string {
    return `${this.options.urlBase}${token}`;
  }

  putFile(id: string, bytes: Uint8Array): string {
    this.tx.putFile(id, bytes);
    return id;
  }
}

/** Lower-case hex, no prefix, no superfluous leading zero bytes (the form CertificateInfo.serialHex uses). */
export function normaliseSerialHex(hex: string): string {
  let h = hex.toLowerCase().replace(/^0x/, '').replace(/^0+/, '');
  if (h === '') h = '0';
  return h.length % 2 ? `0${h}` : h;
}
