// Step 4 of an upload or download: put a mail into the outbox (a `mailed` event).
import type { TxContext } from '../context';
import type { Mail } from '../types';
import type { MailDraft } from './templates';

/** Recipients deduplicated case-insensitively, empty addresses dropped, order kept. */
export function recipients(...addresses: (string | undefined)[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const a of addresses) {
    const key = a?.trim().toLowerCase();
    if (!a || !key || seen.has(key)) continue;
    seen.add(key);
    out.push(a.trim());
  }
  return out;
}

export function sendMail(ctx: TxContext, to: string[], draft: MailDraft): Mail {
  const mail: Mail = {
    id: ctx.nextMailId(),
    at: ctx.at,
    to,
    subject: draft.subject,
    body: draft.body,
    attachments: draft.attachments ?? [],
    signed: draft.signed ?? false,
  };
  ctx.emit({ type: 'mailed', mail });
  return mail;
}
