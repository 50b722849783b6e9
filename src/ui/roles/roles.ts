// The people of the simulated service and what each one sees. Roles are views of the one engine state:
// who is who follows from the institution (the 登録担当者's address, the 利用管理者 on file) and from the
// mails themselves (a user is whoever was sent a personal certificate URL). Read marks are per role.
import { createSignal } from 'solid-js';
import type { Text } from '../../spec/types';
import type { MailView, RaView } from '../../workers/ra-api';

export type RoleId = 'admin' | 'ra' | 'user' | 'pin' | 'desk' | 'trainer';

export interface RoleDef {
  id: RoleId;
  name: Text;
  /** One line under the role bar: what this person does here. */
  duty: Text;
}

export const ROLES: readonly RoleDef[] = [
  { id: 'admin', name: { ja: '利用管理者', en: 'Usage administrator' }, duty: { ja: '鍵・CSR・申請TSVを作り、登録担当者へ送ります。証明書取得URL・アクセスPIN取得URLのメールを受け取ります。', en: 'Makes keys, CSRs and application TSVs for the RA operator; receives the certificate and access-PIN URLs.' } },
  { id: 'ra', name: { ja: '登録担当者', en: 'RA operator' }, duty: { ja: '登録担当者用証明書でRAシステムにログインし、TSVファイルを審査してアップロードします。', en: 'Logs in to the RA system with the RA operator certificate, reviews and uploads TSV files.' } },
  { id: 'user', name: { ja: '利用者', en: 'User' }, duty: { ja: 'メールの証明書取得URLから、自分のクライアント証明書を取得します。', en: 'Obtains their own client certificate from the URL in their mail.' } },
  { id: 'pin', name: { ja: 'アクセスPIN配付者', en: 'Access-PIN distributor' }, duty: { ja: '（P12一括）登録担当者から受け取ったアクセスPIN取得URLでPINを取得し、利用者へ配付します。', en: '(P12 bulk) Fetches the PINs at the URL the RA operator handed over and gives them to the users.' } },
  { id: 'desk', name: { ja: 'サービス窓口', en: 'Service desk' }, duty: { ja: '参加機関を登録し、登録担当者用証明書の発行・更新・失効を受け付け、アクセスPINを交付します。', en: 'Registers institutions, handles RA operator certificates and hands over their access PINs.' } },
  { id: 'trainer', name: { ja: 'トレーナー', en: 'Trainer' }, duty: { ja: 'すべてのメールを見て、時刻を進め、障害（WHOIS等）を起こします。', en: 'Sees every mail, moves the clock and injects faults (WHOIS etc.).' } },
];

/** The simulated JPNIC service's people (its page, #/jpnic/<id>, holds their screens and mailboxes). */
export const JPNIC_ROLES: readonly { id: 'manager' | 'applicant'; name: Text }[] = [
  { id: 'manager', name: { ja: '資源管理者', en: 'Resource manager' } },
  { id: 'applicant', name: { ja: '資源申請者', en: 'Resource applicant' } },
];

export const FROM_LABEL = '"UPKI (simulated)" <noreply@upki-sim.invalid>';

const lower = (s: string) => s.trim().toLowerCase();

/** Addresses of the 登録担当者 of every institution. */
export function raAddresses(view: RaView): Set<string> {
  return new Set(view.institutions.map((i) => lower(i.ra.mail)));
}

/** Users: recipients of a mail carrying a personal certificate URL (methods 1 and 3). */
export function userAddresses(view: RaView): string[] {
  const users = new Set<string>();
  for (const m of view.mails) if (m.links.some((l) => l.purpose === 'client-cert')) m.to.forEach((a) => users.add(lower(a)));
  return [...users].sort();
}

/** Administrators: those on file, and every other recipient that is neither the RA nor a user. */
export function adminAddresses(view: RaView): Set<string> {
  const ra = raAddresses(view);
  const users = new Set(userAddresses(view));
  const admins = new Set(view.institutions.flatMap((i) => i.admins.map((a) => lower(a.mail))));
  for (const m of view.mails) for (const a of m.to) if (!ra.has(lower(a)) && !users.has(lower(a))) admins.add(lower(a));
  return admins;
}

/** The mails a role sees. The PIN distributor sees the method-2 PIN URLs the RA hands over (003 §3-2-2). */
export function mailsFor(view: RaView, role: RoleId, user?: string): MailView[] {
  const to = (set: Set<string>) => view.mails.filter((m) => m.to.some((a) => set.has(lower(a))));
  switch (role) {
    case 'trainer':
      return view.mails;
    case 'ra':
      return to(raAddresses(view));
    case 'admin':
      return to(adminAddresses(view));
    case 'user':
      return user ? to(new Set([lower(user)])) : [];
    case 'pin':
      return to(raAddresses(view)).filter((m) => m.links.some((l) => l.purpose === 'pin'));
    case 'desk':
      return [];
  }
}

// ---- read marks (per role and, for users, per address), kept in localStorage ----------------------

const READ_KEY = 'upki-workbench.service.read';

function loadRead(): Record<string, string[]> {
  try {
    return JSON.parse(globalThis.localStorage?.getItem(READ_KEY) ?? '{}') as Record<string, string[]>;
  } catch {
    return {};
  }
}

const [read, setRead] = createSignal<Record<string, string[]>>(loadRead());

export function readerKey(role: RoleId, user?: string): string {
  return role === 'user' ? `user:${user ?? ''}` : role;
}

export function isRead(key: string, mailId: string): boolean {
  return (read()[key] ?? []).includes(mailId);
}

export function markRead(key: string, mailId: string): void {
  if (isRead(key, mailId)) return;
  const next = { ...read(), [key]: [...(read()[key] ?? []), mailId] };
  setRead(next);
  try {
    globalThis.localStorage?.setItem(READ_KEY, JSON.stringify(next));
  } catch {
    /* marks stay for this page only */
  }
}

export function unreadCount(view: RaView, role: RoleId, user?: string): number {
  const key = readerKey(role, user);
  return mailsFor(view, role, user).filter((m) => !isRead(key, m.id)).length;
}

/** After a reset the mail ids start again: forget the marks. */
export function forgetReadMarks(): void {
  setRead({});
  try {
    globalThis.localStorage?.removeItem(READ_KEY);
  } catch {
    /* nothing stored */
  }
}

// ---- the chosen user ------------------------------------------------------------------------------

const [chosenUser, setChosenUser] = createSignal<string>();
export { chosenUser, setChosenUser };
