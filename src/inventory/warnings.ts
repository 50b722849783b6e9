// What a careful admin wants flagged: one key in several certificates, SANs that changed from the previous
// certificate of the same CN, a CA or profile the service no longer issues from, RSA below 2048 bits.
import { PROFILE_IDS } from '../spec/profiles';
import { retiredCa } from '../spec/retired';
import type { InventoryEntry, Warning } from './types';

const CURRENT_PROFILES = new Set([...PROFILE_IDS.server, ...PROFILE_IDS.client]);

export function findWarnings(entries: readonly InventoryEntry[]): Warning[] {
  return [...sharedKeys(entries), ...sanChanges(entries), ...retired(entries), ...weakRsa(entries)];
}

function groupBy<T>(items: readonly T[], key: (t: T) => string | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (!k) continue;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

function sharedKeys(entries: readonly InventoryEntry[]): Warning[] {
  return [...groupBy(entries, (e) => e.spkiSha256).values()]
    .filter((g) => g.length > 1)
    .map((g) => ({
      code: 'shared-key' as const,
      entryIds: g.map((e) => e.id),
      message: {
        ja: `同じ鍵（公開鍵）を使う証明書が ${g.length} 件あります: ${names(g)}。更新には新しい鍵ペアが必要です。`,
        en: `${g.length} certificates share one key: ${names(g)}. A renewal needs a new key pair.`,
      },
    }));
}

/** At most ten names, then a count: a key shared by thousands of rows must not make a megabyte of text. */
const names = (g: readonly InventoryEntry[]) =>
  g.slice(0, 10).map((e) => `${e.cn ?? e.dn ?? e.id} (${e.serialDecimal ?? '—'})`).join(', ') + (g.length > 10 ? ` … (+${g.length - 10})` : '');
const sanKey = (e: InventoryEntry) => [...new Set(e.dnsNames ?? [])].sort().join(',');

function sanChanges(entries: readonly InventoryEntry[]): Warning[] {
  const out: Warning[] = [];
  const servers = entries.filter((e) => e.kind === 'server' && e.cn && e.dnsNames && e.notBefore);
  for (const group of groupBy(servers, (e) => e.cn!.toLowerCase()).values()) {
    const sorted = [...group].sort((a, b) => a.notBefore!.localeCompare(b.notBefore!));
    for (let i = 1; i < sorted.length; i++) {
      const [prev, cur] = [sorted[i - 1], sorted[i]];
      if (sanKey(prev) === sanKey(cur)) continue;
      const gone = (prev.dnsNames ?? []).filter((d) => !cur.dnsNames!.includes(d));
      const added = cur.dnsNames!.filter((d) => !(prev.dnsNames ?? []).includes(d));
      out.push({
        code: 'san-changed',
        entryIds: [prev.id, cur.id],
        message: {
          ja: `${cur.cn}: 前の証明書（${prev.serialDecimal ?? '—'}）とSANが違います（削除: ${gone.join(', ') || 'なし'}、追加: ${added.join(', ') || 'なし'}）。`,
          en: `${cur.cn}: SANs differ from the previous certificate (${prev.serialDecimal ?? '—'}) (removed: ${gone.join(', ') || 'none'}, added: ${added.join(', ') || 'none'}).`,
        },
      });
    }
  }
  return out;
}

const live = (e: InventoryEntry) => e.status !== 'revoked' && e.status !== 'expired' && e.status !== 'renewed';

function retired(entries: readonly InventoryEntry[]): Warning[] {
  const out: Warning[] = [];
  // Thousands of rows share a handful of issuers: each issuer name is looked up once.
  const caOf = new Map<string, ReturnType<typeof retiredCa>>();
  const lookup = (issuer: string) => {
    if (!caOf.has(issuer)) caOf.set(issuer, retiredCa(issuer));
    return caOf.get(issuer);
  };
  for (const e of entries.filter(live)) {
    if (e.profile && !CURRENT_PROFILES.has(e.profile)) {
      out.push({
        code: 'retired-profile',
        entryIds: [e.id],
        message: { ja: `${e.cn ?? e.id}: プロファイル ${e.profile} は現在発行されていません。`, en: `${e.cn ?? e.id}: profile ${e.profile} is no longer issued.` },
      });
    }
    const ca = e.issuer ? lookup(e.issuer) : undefined;
    if (ca) {
      out.push({
        code: 'retired-ca',
        entryIds: [e.id],
        message: { ja: `${e.cn ?? e.id}: 発行元 ${ca.name} は現在使われていません（${ca.note.ja}）。`, en: `${e.cn ?? e.id}: issuer ${ca.name} is retired (${ca.note.en}).` },
      });
    }
  }
  return out;
}

function weakRsa(entries: readonly InventoryEntry[]): Warning[] {
  return entries
    .filter((e) => live(e) && e.rsaBits !== undefined && e.rsaBits < 2048)
    .map((e) => ({
      code: 'weak-rsa' as const,
      entryIds: [e.id],
      message: { ja: `${e.cn ?? e.id}: RSA ${e.rsaBits}ビットの鍵です（2048ビット未満）。`, en: `${e.cn ?? e.id}: an RSA ${e.rsaBits}-bit key (below 2048).` },
    }));
}
