// Who sees which mail: the RA operator by the institution's address, users by a personal certificate
// URL, administrators as everyone else (on file or not), the PIN distributor only the method-2 PIN URLs
// the RA hands over, the trainer everything; unread counts fall as mails are opened.
import { describe, expect, it } from 'vitest';
import { DEMO_INSTITUTION } from '../../ra/institutions';
import type { LinkView, MailView, RaView } from '../../workers/ra-api';
import { adminAddresses, markRead, mailsFor, readerKey, unreadCount, userAddresses } from './roles';

function mail(id: string, to: string[], purpose?: LinkView['purpose']): MailView {
  const links: LinkView[] = purpose ? [{ label: 'URL', url: `https://upki-sim.invalid/t/${id}`, token: id, purpose, state: 'open', needsPin: false }] : [];
  return { id, at: '2026-11-23T00:00:00Z', to, subject: id, body: '', attachments: [], signed: false, links };
}

const view = (mails: MailView[]): RaView => ({
  now: '2026-11-23T00:00:00Z',
  clockOffsetDays: 0,
  institutions: [DEMO_INSTITUTION],
  certificateCounts: { server: 0, client: 0 },
  mails,
  uploads: [],
  crls: [],
  operatorCertificates: [],
});

describe('roles are views of the mails', () => {
  const v = view([
    mail('m1', ['admin@example.ac.jp'], 'server-cert'),
    mail('m2', ['user1@example.ac.jp'], 'client-cert'),
    mail('m3', ['RA@example.ac.jp'], 'pin'),
    mail('m4', ['ra@example.ac.jp']),
    mail('m5', ['other-admin@example.ac.jp'], 'client-all'),
  ]);

  it('sorts the addresses into roles', () => {
    expect(userAddresses(v)).toEqual(['user1@example.ac.jp']);
    expect([...adminAddresses(v)].sort()).toEqual(['admin@example.ac.jp', 'other-admin@example.ac.jp']);
  });

  it('gives each role its own mailbox', () => {
    const ids = (ms: MailView[]) => ms.map((m) => m.id);
    expect(ids(mailsFor(v, 'ra'))).toEqual(['m3', 'm4']);
    expect(ids(mailsFor(v, 'admin'))).toEqual(['m1', 'm5']);
    expect(ids(mailsFor(v, 'user', 'USER1@example.ac.jp'))).toEqual(['m2']);
    expect(ids(mailsFor(v, 'user'))).toEqual([]);
    expect(ids(mailsFor(v, 'pin'))).toEqual(['m3']);
    expect(ids(mailsFor(v, 'desk'))).toEqual([]);
    expect(ids(mailsFor(v, 'trainer'))).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
  });

  it('counts unread mails per role and per user', () => {
    expect(unreadCount(v, 'ra')).toBe(2);
    markRead(readerKey('ra'), 'm3');
    expect(unreadCount(v, 'ra')).toBe(1);
    // Reading as the RA does not read it for the PIN distributor.
    expect(unreadCount(v, 'pin')).toBe(1);
    expect(unreadCount(v, 'user', 'user1@example.ac.jp')).toBe(1);
    markRead(readerKey('user', 'user1@example.ac.jp'), 'm2');
    expect(unreadCount(v, 'user', 'user1@example.ac.jp')).toBe(0);
  });
});
