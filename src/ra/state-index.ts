// Indexes over the projection, kept by applyEvent as events arrive, so that the per-row checks of an upload look
// up the few certificates that matter instead of scanning (and parsing the DN of) every one: at 100 000
// certificates a scan per file made a 99-row upload several times slower than on an empty store.
import type { RaEvent } from './events';
import type { CaRole } from './types';
import type { RaState } from './state';
import { dnKeyOf } from './dn-key';
import { OverlayMap } from './overlay-map';

export interface RaIndexes {
  /** Serials (issuance order) by 212's DN key (dn-key.ts): every certificate ever issued, valid or not. */
  certificatesByDnKey: Map<string, readonly string[]>;
  /** Client-certificate URLs not used yet: token → the applications it serves (a waiting application holds its DN). */
  openClientTokens: Map<string, readonly string[]>;
  /** Revoked certificates (revocation order) → their CA: what a CRL lists, without walking every certificate. */
  revokedSerials: Map<string, CaRole>;
  /** Renewed certificates whose reminder (再通知) has not gone out yet: what the clock's tick looks at. */
  renewedAwaitingReminder: Map<string, true>;
}

export function emptyIndexes(): RaIndexes {
  return {
    certificatesByDnKey: new Map(),
    openClientTokens: new Map(),
    revokedSerials: new Map(),
    renewedAwaitingReminder: new Map(),
  };
}

/** The indexes of a transaction's overlay state: writes stay in the overlay (see state.ts overlayState). */
export function overlayIndexes(base: { readonly [K in keyof RaIndexes]: ReadonlyMap<string, RaIndexes[K] extends Map<string, infer V> ? V : never> }): RaIndexes {
  return {
    certificatesByDnKey: new OverlayMap(base.certificatesByDnKey),
    openClientTokens: new OverlayMap(base.openClientTokens),
    revokedSerials: new OverlayMap(base.revokedSerials),
    renewedAwaitingReminder: new OverlayMap(base.renewedAwaitingReminder),
  };
}

/**
 * Append a serial to a key's list. The fold's own lists grow in place (one key may hold very many serials: the
 * bench's 100 000 clones share one DN shape); an overlay copies a list of its base before changing it.
 */
function add(map: Map<string, readonly string[]>, key: string, serial: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [serial]);
  else if (map instanceof OverlayMap && !map.owns(key)) map.set(key, [...list, serial]);
  else (list as string[]).push(serial);
}

/** Index what one event adds. Called by applyEvent for every event, before the state changes. */
export function indexEvent(state: RaState, e: RaEvent): void {
  const index = state.index;
  switch (e.type) {
    case 'issued': {
      const cert = e.certificate;
      add(index.certificatesByDnKey, dnKeyOf(cert.family, cert.dn), cert.serialHex);
      // The same condition as applyEvent's for marking the renewed certificate.
      const renews = state.applications.get(cert.applicationId)?.renewsSerialHex;
      if (renews && state.certificates.has(renews)) index.renewedAwaitingReminder.set(renews, true);
      return;
    }
    case 'revoked': {
      const cert = state.certificates.get(e.serialHex);
      if (cert) index.revokedSerials.set(e.serialHex, cert.caId);
      return;
    }
    case 'reminder-sent':
      index.renewedAwaitingReminder.delete(e.serialHex);
      return;
    case 'token-created':
      if (e.token.purpose === 'client-cert' && !e.token.usedAt) index.openClientTokens.set(e.token.token, e.token.applicationIds);
      return;
    case 'downloaded':
      index.openClientTokens.delete(e.token);
      return;
    default:
      return;
  }
}
