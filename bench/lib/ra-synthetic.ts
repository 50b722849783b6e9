// A large RA log for the scale bench, in Node and in the bench page: synthetic certificates cloned from one real
// issuance ('application-accepted' + 'issued' events), so the log has the shape the engine writes.
import type { RaEvent } from '../../src/ra/events';
import { O } from './files';

/** `count` more client certificates shaped like the seed's, the first `revoked` of them revoked. */
export function synthetic(log: readonly RaEvent[], count: number, revoked: number): RaEvent[] {
  const app = log.find((e) => e.type === 'application-accepted');
  const cert = log.find((e) => e.type === 'issued');
  if (app?.type !== 'application-accepted' || cert?.type !== 'issued') throw new Error('no seed issuance');
  let seq = log[log.length - 1].seq;
  const out: RaEvent[] = [];
  for (let i = 0; i < count; i++) {
    const id = `S${String(i).padStart(7, '0')}`;
    const serialHex = `7e${i.toString(16).padStart(24, '0')}`;
    const dn = `CN=USER ${i},OU=${String(i).padStart(8, '0')},O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`;
    out.push({ ...app, seq: ++seq, application: { ...app.application, id, dn, userMail: `u${i}@example.ac.jp` } });
    out.push({ ...cert, seq: ++seq, certificate: { ...cert.certificate, applicationId: id, serialHex, serialDecimal: BigInt(`0x${serialHex}`).toString(), dn } });
    if (i < revoked) out.push({ seq: ++seq, at: cert.at, type: 'revoked', serialHex, reason: 0, comment: '', uploadId: 'bench' });
  }
  return out;
}
