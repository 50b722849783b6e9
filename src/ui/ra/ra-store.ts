// Page-wide state of the RA page: the latest view from the worker, a status line, and helpers to
// hand files to the user. Panels call `refresh()` after every change they make.
import { createSignal } from 'solid-js';
import { jstDateTime } from '../../ra/clock';
import type { Text } from '../../spec/types';
import type { NamedFile, RaView } from '../../workers/ra-api';
import { downloadBytes } from '../builder/download';
import { call } from './ra-client';

const [view, setView] = createSignal<RaView>();
const [loadError, setLoadError] = createSignal<string>();
/** A short message about the last action (download done, clock moved …), shown in a live region. */
const [notice, setNotice] = createSignal<{ kind: 'ok' | 'error'; text: Text }>();

export { view, loadError, notice, setNotice };

/** Called after every successful refresh (every RA action ends with one): the training session syncs from here. */
const refreshListeners = new Set<() => void>();

/** Subscribes to refreshes; returns the unsubscribe. The listener must not throw or block. */
export function onRefresh(listener: () => void): () => void {
  refreshListeners.add(listener);
  return () => refreshListeners.delete(listener);
}

export async function refresh(): Promise<RaView | undefined> {
  try {
    const next = await call('view');
    setView(next);
    setLoadError(undefined);
    for (const listener of refreshListeners) listener();
    return next;
  } catch (err) {
    setLoadError(err instanceof Error ? err.message : String(err));
    return undefined;
  }
}

export function saveFile(file: NamedFile): void {
  // In a task of its own: the worker's reply that carried the file (clientAll.zip of 1000 users is 5 MB) is one
  // task already, and making the Blob and starting the download in it went just over 50 ms (bench, issue 13).
  setTimeout(() => downloadBytes(file.fileName, file.bytes, file.contentType), 0);
}

/** Run an action against the worker; its failure becomes the page notice instead of an exception. */
export async function act(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    setNotice({ kind: 'error', text: { ja: `処理できませんでした: ${message}`, en: `Could not complete: ${message}` } });
  }
}

/** ISO time → the RA's JST form 'YYYY/MM/DD HH:MM:SS'. */
export function jst(iso: string | undefined): string {
  return iso ? jstDateTime(new Date(iso)) : '';
}

// ---- an upload interrupted by a reload -----------------------------------------------------------
// The worker dies with the page; its upload had not committed (one upload = one transaction), so the
// store simply does not have it. The tab remembers (sessionStorage: per tab, survives a reload) that an upload was running, to say so afterwards.

const PENDING_KEY = 'upki-workbench.ra.pending-upload';

interface PendingUpload {
  fileName: string;
  uploadsBefore: number;
}

export function rememberUpload(fileName: string, uploadsBefore: number): void {
  try {
    sessionStorage.setItem(PENDING_KEY, JSON.stringify({ fileName, uploadsBefore } satisfies PendingUpload));
  } catch {
    /* not remembered: the state is consistent anyway */
  }
}

export function forgetUpload(): void {
  try {
    sessionStorage.removeItem(PENDING_KEY);
  } catch {
    /* nothing to forget */
  }
}

/** After a reload: was an upload running, and did it make it into the store before the page went? */
// Only the first view after the page loaded can follow an interrupted upload; later mounts of the RA page
// (in-app navigation) may even have an upload of this very page still running.
let interruptionChecked = false;

export function interruptedUpload(current: RaView): { fileName: string; committed: boolean } | undefined {
  if (interruptionChecked) return undefined;
  interruptionChecked = true;
  let pending: PendingUpload | undefined;
  try {
    const raw = sessionStorage.getItem(PENDING_KEY);
    pending = raw ? (JSON.parse(raw) as PendingUpload) : undefined;
  } catch {
    pending = undefined;
  }
  forgetUpload();
  if (!pending) return undefined;
  const committed = current.uploads.slice(pending.uploadsBefore).some((u) => u.fileName === pending.fileName);
  return { fileName: pending.fileName, committed };
}
