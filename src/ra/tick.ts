// What falls due as simulated time passes: the old-certificate reminder 14 days after a renewed
// server certificate was downloaded (SPEC §7.3 ⑩, §8 M4; sent once), and fresh CRLs when the
// published ones reach their nextUpdate. Runs on every clock advance and on demand.
import { CRL_CAS, publishCrl } from './ca/authority';
import { addDays } from './clock';
import type { TxContext } from './context';
import { recipients, sendMail } from './notify/mailer';
import { renewalReminder } from './notify/templates';
import { isCertificateValid } from './state';

export const REMINDER_AFTER_DAYS = 14;

export function dueReminders(ctx: TxContext) {
  const due = [];
  // Only renewed certificates still waiting for their reminder (the index), not every certificate.
  for (const serial of ctx.state.index.renewedAwaitingReminder.keys()) {
    const old = ctx.state.certificates.get(serial);
    if (!old?.renewedBySerialHex || old.reminderSentAt || !isCertificateValid(old, ctx.now)) continue;
    const renewed = ctx.state.certificates.get(old.renewedBySerialHex);
    if (old.family !== 'server' || !renewed?.downloadedAt) continue;
    if (addDays(new Date(renewed.downloadedAt), REMINDER_AFTER_DAYS) <= ctx.now) due.push({ old, renewed });
  }
  return due;
}

export async function runTick(ctx: TxContext): Promise<{ reminders: number; crls: number }> {
  const due = dueReminders(ctx);
  for (const { old, renewed } of due) {
    const app = ctx.state.applications.get(renewed.applicationId)!;
    const inst = ctx.state.institutions.get(old.institutionId)!;
    sendMail(ctx, recipients(app.adminMail), renewalReminder(old, 'admin'));
    sendMail(ctx, recipients(inst.ra.mail), renewalReminder(old, 'ra'));
    ctx.emit({ type: 'reminder-sent', serialHex: old.serialHex });
  }
  let crls = 0;
  for (const ca of CRL_CAS) {
    const crl = ctx.state.crls.get(ca);
    if (!crl || new Date(crl.nextUpdate) <= ctx.now) {
      await publishCrl(ctx, ca);
      crls++;
    }
  }
  return { reminders: due.length, crls };
}
