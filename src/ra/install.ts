// The install kit that comes with every server certificate (UI download and `ra export install/<serial>/`):
// the chain file in the order servers expect (server + issuing CA, without the root), ready nginx /
// Apache httpd snippets (plain TLS and client authentication with CRL checking), IIS notes and the
// openssl commands that check the installation. Texts are Japanese first with English beside.
import * as x509 from '../pki/x509';
import { base64Decode, pemEncode } from '../pki/pem';
import { TRAINING_CAS, type TrainingCaId } from '../pki/ca-profiles';
import { toArrayBuffer } from '../pki/crypto';
import { CRL_CAS } from './ca/authority';
import type { RaEngine } from './engine';
import type { CertificateRecord } from './types';

/** Where the snippets expect the files; the README says to change it. */
export const INSTALL_DIR = '/etc/ssl/upki';

/** The CA that issues client-authentication certificates, for the client-auth snippets. */
const CLIENT_CA: TrainingCaId = 'client-auth';

export interface InstallKitInput {
  fqdn: string;
  /** Every dNSName of the certificate (the FQDN included). */
  names: string[];
  serialDecimal: string;
  serverCertPem: string;
  issuingCa: TrainingCaId;
  issuingCaPem: string;
  rootPem: string;
  clientCaPem: string;
  /** Every CRL (root's included) as PEM, one after the other: nginx `ssl_crl`, Apache `SSLCARevocationFile`. */
  crlAllPem: string;
}

export interface KitFile {
  path: string;
  text: string;
}

const cn = (ca: TrainingCaId) => TRAINING_CAS[ca].subject.find((r) => r.key === 'CN')?.value ?? ca;

function nginxServer(k: InstallKitInput, clientAuth: boolean): string {
  const lines = [
    `# nginx: ${clientAuth ? 'サーバ証明書＋クライアント証明書認証（CRL確認つき） / server certificate + client certificates (CRL checked)' : 'サーバ証明書 / server certificate'}`,
    '# http { } の中に置く（include する）。パスは実際の置き場所に合わせて変更 / put inside http { }; change the paths to where the files are',
    'server {',
    '    listen 443 ssl;',
    `    server_name ${k.names.join(' ')};`,
    '',
    '    # サーバ証明書＋中間CA証明書（ルートCAは含めない） / server + intermediate CA certificate, no root',
    `    ssl_certificate     ${INSTALL_DIR}/fullchain.pem;`,
    '    # CSR を作ったときの秘密鍵（upki-tsv csr など） / the private key the CSR was made with',
    `    ssl_certificate_key ${INSTALL_DIR}/server.key;`,
    '    ssl_protocols TLSv1.2 TLSv1.3;',
  ];
  if (clientAuth) {
    lines.push(
      '',
      `    # クライアント認証: ${cn(CLIENT_CA)} とルートCA / client authentication: client CA and root`,
      `    ssl_client_certificate ${INSTALL_DIR}/client-ca.pem;`,
      '    ssl_verify_client on;',
      '    ssl_verify_depth 2;',
      '    # 全CRL（ルートCAのCRLを含む。nginx はチェーン全体のCRLを確認する）。失効のたびに、少なくとも7日ごとに更新して reload',
      '    # every CRL, the root\'s included (nginx checks the whole chain); refresh after each revocation and at least every 7 days, then reload',
      `    ssl_crl ${INSTALL_DIR}/crl-all.pem;`,
    );
  }
  lines.push('', '    location / {', '        root /var/www/html;', '    }', '}', '');
  return lines.join('\n');
}

function apacheServer(k: InstallKitInput, clientAuth: boolean): string {
  const [first, ...aliases] = k.names;
  const lines = [
    `# Apache httpd 2.4.8 以降 / 2.4.8 or later (mod_ssl): ${clientAuth ? 'クライアント証明書認証つき / with client certificates' : 'サーバ証明書 / server certificate'}`,
    '<VirtualHost *:443>',
    `    ServerName ${first}`,
    ...(aliases.length ? [`    ServerAlias ${aliases.join(' ')}`] : []),
    '    SSLEngine on',
    '    # 2.4.8 以降は SSLCertificateFile にサーバ証明書＋中間CA証明書を入れる（SSLCertificateChainFile は不要）',
    '    # from 2.4.8 SSLCertificateFile holds server + intermediate (no SSLCertificateChainFile)',
    `    SSLCertificateFile    ${INSTALL_DIR}/fullchain.pem`,
    `    SSLCertificateKeyFile ${INSTALL_DIR}/server.key`,
  ];
  if (clientAuth) {
    lines.push(
      `    SSLCACertificateFile  ${INSTALL_DIR}/client-ca.pem`,
      '    SSLVerifyClient require',
      '    SSLVerifyDepth  2',
      `    SSLCARevocationFile   ${INSTALL_DIR}/crl-all.pem`,
      '    SSLCARevocationCheck  chain',
    );
  }
  lines.push('</VirtualHost>', '');
  return lines.join('\n');
}

function readme(k: InstallKitInput): string {
  const d = INSTALL_DIR;
  return `サーバ証明書の設置キット / Server certificate install kit
================================================================
UPKI Workbench の模擬CA（訓練用・信頼されない）が発行した証明書です。実運用には使えません。
Issued by the UPKI Workbench training CA (NOT TRUSTED): for training only.

証明書 / certificate: ${k.fqdn} (serial ${k.serialDecimal})
dNSName: ${k.names.join(', ')}
発行CA / issuing CA: ${cn(k.issuingCa)}

ファイル / files
  server.crt      サーバ証明書のみ / the server certificate alone
  chain.pem       中間CA証明書のみ / the intermediate (issuing CA) alone
  fullchain.pem   サーバ証明書＋中間CA証明書（この順、ルートなし）: サーバに設定するのはこれ
                  server + intermediate, in this order, without the root: what servers are configured with
  root.pem        訓練用ルートCA（クライアント側で信頼させる。サーバには入れない）
                  the training root (trust it on test clients; never put it in the server's chain)
  client-ca.pem   クライアント認証CA＋ルートCA（クライアント証明書認証を使うとき）
                  client-auth CA + root (only for client-certificate authentication)
  crl-all.pem     全CRL（ルートCAのCRLを含む、PEM）/ every CRL, the root's included (PEM)
  nginx.conf / nginx-client-auth.conf / apache.conf / apache-client-auth.conf   設定例 / snippets

秘密鍵 server.key は CSR を作ったときのもの（このキットには含まれません）。
The private key server.key is the one the CSR was made with (not in this kit).
設定例のパス ${d}/ は実際の置き場所に合わせて変えてください / change ${d}/ to where the files are.

1. 設置前の確認 / check before installing
   openssl verify -CAfile root.pem -untrusted chain.pem server.crt
   # 秘密鍵と証明書の公開鍵が一致すること / the key must match the certificate (both lines equal)
   openssl x509 -in server.crt -noout -pubkey | openssl sha256
   openssl pkey -in server.key -pubout | openssl sha256

2. nginx: nginx.conf を http { } に include し、nginx -t で確認してから nginx -s reload
   nginx: include nginx.conf inside http { }, check with nginx -t, then nginx -s reload

3. Apache httpd 2.4.8 以降 / 2.4.8 or later: apache.conf（mod_ssl を有効に / enable mod_ssl）、
   apachectl configtest のあと apachectl graceful

4. IIS / Windows: 秘密鍵と fullchain.pem から P12 を作り、IIS マネージャー「サーバー証明書」→「インポート」
   （または certlm.msc の「個人」）で取り込み、サイトの「バインド」で https に割り当てる。
   IIS / Windows: make a P12 from the key and fullchain.pem, import it with IIS Manager "Server Certificates"
   → "Import" (or certlm.msc, Personal), then select it in the site's https binding.
     openssl pkcs12 -export -inkey server.key -in fullchain.pem -out server.p12
   古い Windows（Server 2016 以前）は暗号を指定 / older Windows (Server 2016 and earlier) need:
     openssl pkcs12 -export -inkey server.key -in fullchain.pem -out server.p12 \\
       -certpbe PBE-SHA1-3DES -keypbe PBE-SHA1-3DES -macalg sha1
   訓練用ルートCA root.pem は、テストするクライアントの「信頼されたルート証明機関」にだけ入れる。
   Put root.pem only into the test clients' "Trusted Root Certification Authorities".

5. 設置後の確認 / check the installed server
   openssl s_client -connect ${k.fqdn}:443 -servername ${k.fqdn} -CAfile root.pem \\
     -verify_return_error -verify_hostname ${k.fqdn} </dev/null
   # "Verify return code: 0 (ok)" と、サーバ証明書と中間CAの2枚が送られていること（"Certificate chain" の 0 と 1）
   # expect "Verify return code: 0 (ok)" and two certificates sent (0 and 1 under "Certificate chain")
   curl --cacert root.pem https://${k.fqdn}/

6. クライアント証明書認証 / client certificates (nginx-client-auth.conf, apache-client-auth.conf)
   クライアント証明書（P12）で確認 / check with a client certificate (P12 and its access PIN):
   curl --cacert root.pem --cert-type P12 --cert user.p12:PIN https://${k.fqdn}/
   openssl pkcs12 -in user.p12 -nokeys -clcerts -out user.crt ; openssl pkcs12 -in user.p12 -nocerts -noenc -out user.key
   openssl s_client -connect ${k.fqdn}:443 -servername ${k.fqdn} -CAfile root.pem -verify_return_error \\
     -cert user.crt -key user.key </dev/null
   失効させたら（クライアント証明書失効申請）、新しい crl-all.pem（ra export の crl/all.pem、または
   証明書一覧のCRL）に置き換えて reload。CRL の nextUpdate（7日後）を過ぎると全員が拒否されるので定期的に更新。
   After a revocation, replace crl-all.pem with the new one (crl/all.pem of ra export, or the CRLs of the
   certificate list) and reload. Once a CRL passes its nextUpdate (7 days) every client is refused: refresh it.
   openssl verify -crl_check_all -CAfile client-ca.pem -CRLfile crl-all.pem user.crt

模擬RAの時計を進めた場合、証明書とCRLの日時は実時間より先になります。openssl には -attime を付けてください。
If the simulated clock was moved forward, dates are ahead of real time: add -attime to openssl commands.
`;
}

/** The kit's files, pure: nothing read, nothing written. */
export function installKitFiles(k: InstallKitInput): KitFile[] {
  return [
    { path: 'README.txt', text: readme(k) },
    { path: 'server.crt', text: k.serverCertPem },
    { path: 'chain.pem', text: k.issuingCaPem },
    { path: 'fullchain.pem', text: k.serverCertPem + k.issuingCaPem },
    { path: 'root.pem', text: k.rootPem },
    { path: 'client-ca.pem', text: k.clientCaPem },
    { path: 'crl-all.pem', text: k.crlAllPem },
    { path: 'nginx.conf', text: nginxServer(k, false) },
    { path: 'nginx-client-auth.conf', text: nginxServer(k, true) },
    { path: 'apache.conf', text: apacheServer(k, false) },
    { path: 'apache-client-auth.conf', text: apacheServer(k, true) },
  ];
}

/** Every CA's latest CRL as PEM, root first (crl/all.pem). */
export async function crlAllPem(engine: RaEngine): Promise<string> {
  const pems = await Promise.all(CRL_CAS.map(async (ca) => (await engine.crl(ca)).pem));
  return pems.join('');
}

function dnsNamesOf(der: Uint8Array): string[] {
  const san = new x509.X509Certificate(toArrayBuffer(der)).getExtension(x509.SubjectAlternativeNameExtension);
  return (san?.names.items ?? []).filter((n) => n.type === 'dns').map((n) => n.value);
}

/** The kit of one server certificate, from the engine's current state (CRLs as published now). */
export async function serverInstallKit(engine: RaEngine, cert: CertificateRecord): Promise<KitFile[]> {
  if (cert.family !== 'server') throw new Error('install kits are for server certificates');
  const der = base64Decode(cert.certDerB64)!;
  const names = dnsNamesOf(der);
  const fqdn = /(?:^|,)CN=([^,]+)/.exec(cert.dn)?.[1] ?? names[0] ?? 'server.example';
  const fqdnFirst = [fqdn, ...names.filter((n) => n.toLowerCase() !== fqdn.toLowerCase())];
  return installKitFiles({
    fqdn,
    names: fqdnFirst,
    serialDecimal: cert.serialDecimal,
    serverCertPem: pemEncode('CERTIFICATE', der),
    issuingCa: cert.caId,
    issuingCaPem: await engine.caCertificatePem(cert.caId),
    rootPem: await engine.caCertificatePem('root'),
    clientCaPem: (await engine.caCertificatePem(CLIENT_CA)) + (await engine.caCertificatePem('root')),
    crlAllPem: await crlAllPem(engine),
  });
}
