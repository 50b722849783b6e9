// Everything a trainer may want to inspect with other tools, as relative paths and bytes
// (the CLI writes them under --out; layout in docs/ra-files.md):
//   chain/<ca>.pem  chain/chain.pem        CA certificates (root + issuing CAs), one and all
//   ca/<ca>.cer                            CA certificates, DER: the AIA caIssuers targets
//   certs/<decimal serial>.pem             every issued certificate (RA operator certificates included)
//   crl/<ca>.crl                           the latest CRL of the root (the ARL) and of each issuing CA (DER):
//                                          the cRLDistributionPoints targets
//   crl/all.pem                            every CRL as PEM in one file (nginx ssl_crl, Apache SSLCARevocationFile)
//   install/<decimal serial>/              the install kit of every unrevoked server certificate (install.ts)
// The certificates' URLs are http://upki-workbench.example/<path>: the export directory can be served
// as that name's document root (pki/ca-profiles.ts TRAINING_REPOSITORY).
//   mail/<id>.eml                          the outbox (RFC 5322, MIME, UTF-8)
//   bundles/<name>.zip                     clientPin.zip / clientAllPin.zip / clientAll.zip as delivered
//   p12/<申請ID>/<P12 file name>           the P12 of every method 1 and 2 application (PIN in the PIN zip)
//   operator/<decimal serial>.p12          RA operator certificates as downloaded (PIN from the desk)
//   now.txt                                the simulated time: ISO 8601 <TAB> epoch seconds (openssl -attime)
//   downloads/*.txt                        the RA's information downloads (Shift-JIS TSV with header)
import { base64Decode, pemEncode } from '../pki/pem';
import type { TrainingCaId } from '../pki/ca-profiles';
import { caCertPath, crlPath } from '../pki/ca-profiles';
import { CRL_CAS, ISSUING_CAS } from './ca/authority';
import { crlAllPem, serverInstallKit } from './install';
import type { RaEngine } from './engine';
import { p12FileName } from './files/layouts';
import { p12FileId } from './issue/client';
import { toEml } from './notify/eml';
import { CERTIFICATE_LIST_FILE_NAMES, type CertificateListKind } from './reports';

export interface ExportedFile {
  path: string;
  bytes: Uint8Array;
}

const text = (s: string) => new TextEncoder().encode(s);

export async function exportAll(engine: RaEngine): Promise<ExportedFile[]> {
  await engine.tick(); // CRLs current at the simulated "now"
  const state = await engine.state();
  const now = await engine.now();
  const out: ExportedFile[] = [{ path: 'now.txt', bytes: text(`${now.toISOString()}\t${Math.floor(now.getTime() / 1000)}\n`) }];
  const chain: string[] = [];
  for (const ca of ['root', ...ISSUING_CAS] as TrainingCaId[]) {
    const pem = await engine.caCertificatePem(ca);
    chain.push(pem);
    out.push({ path: `chain/${ca}.pem`, bytes: text(pem) });
    out.push({ path: caCertPath(ca), bytes: base64Decode(state.cas.get(ca)!.certDerB64)! });
  }
  out.push({ path: 'chain/chain.pem', bytes: text(chain.join('')) });
  for (const cert of [...state.certificates.values(), ...state.operatorCertificates.values()]) {
    out.push({ path: `certs/${cert.serialDecimal}.pem`, bytes: text(pemEncode('CERTIFICATE', base64Decode(cert.certDerB64)!)) });
  }
  for (const ca of CRL_CAS) out.push({ path: crlPath(ca), bytes: (await engine.crl(ca)).der });
  out.push({ path: 'crl/all.pem', bytes: text(await crlAllPem(engine)) });
  for (const cert of state.certificates.values()) {
    if (cert.family !== 'server' || cert.revokedAt) continue;
    for (const f of await serverInstallKit(engine, cert)) out.push({ path: `install/${cert.serialDecimal}/${f.path}`, bytes: text(f.text) });
  }
  const files = await engine.files();
  for (const mail of state.mails) out.push({ path: `mail/${mail.id}.eml`, bytes: toEml(mail, (id) => files[id]) });
  for (const [id, bytes] of Object.entries(files)) {
    if (id.startsWith('bundles/')) out.push({ path: id, bytes });
  }
  // Stored by application id; exported under the name the user receives, one directory per application
  // because renewals and other uploads reuse names.
  for (const app of state.applications.values()) {
    const p12 = files[p12FileId(app.id)];
    if (p12) out.push({ path: `p12/${app.id}/${p12FileName(app)}`, bytes: p12 });
  }
  for (const cert of state.operatorCertificates.values()) {
    out.push({ path: `operator/${cert.serialDecimal}.p12`, bytes: files[cert.fileId] });
  }
  for (const kind of ['server', 'client', 'all'] as CertificateListKind[]) {
    out.push({ path: `downloads/${CERTIFICATE_LIST_FILE_NAMES[kind]}`, bytes: await engine.certificateList(kind) });
  }
  out.push({ path: 'downloads/statistics.txt', bytes: await engine.statisticsFile() });
  out.push({ path: 'downloads/ouAllowList.txt', bytes: await engine.ouAllowListFile() });
  return out;
}
