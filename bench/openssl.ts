// The by-hand way, measured in the same run: OpenSSL processes in a shell loop.
//  - per user: genpkey (RSA 2048), req -new, x509 -req (signed by a CA), pkcs12 -export (OpenSSL 3 defaults);
//  - key + CSR: one `openssl req -newkey` process (RSA 2048 or P-384).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LOOP = `set -e
cd "$1"
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -subj "/C=JP/O=Bench CA/CN=Bench CA" -days 30 2>/dev/null
start=$(date +%s%N)
for i in $(seq 1 "$2"); do
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out u$i.key 2>/dev/null
  openssl req -new -key u$i.key -subj "/C=JP/ST=Tokyo/L=Chiyoda-ku/O=Example University/OU=$i/CN=USER $i" -out u$i.csr
  openssl x509 -req -in u$i.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 -sha256 -out u$i.pem 2>/dev/null
  openssl pkcs12 -export -inkey u$i.key -in u$i.pem -certfile ca.pem -name "USER $i" -passout pass:Pin$i -out u$i.p12
done
end=$(date +%s%N)
echo $(( (end - start) / 1000000 ))
`;

/** Milliseconds per user of the OpenSSL loop over `users` users. */
export function opensslLoopMsPerUser(users: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'upki-bench-openssl-'));
  try {
    writeFileSync(join(dir, 'loop.sh'), LOOP);
    const ms = Number(execFileSync('bash', [join(dir, 'loop.sh'), dir, String(users)], { encoding: 'utf8' }).trim());
    return ms / users;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const NEWKEY: Record<'rsa' | 'p384', string[]> = {
  rsa: ['-newkey', 'rsa:2048'],
  p384: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384'],
};

/** Wall time per `openssl req -newkey` process (key + CSR, key written unencrypted as a by-hand user would). */
export function opensslReqMs(alg: 'rsa' | 'p384', runs: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'upki-bench-openssl-'));
  try {
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) {
      execFileSync('openssl', ['req', '-new', ...NEWKEY[alg], '-nodes', '-sha256', '-subj', `/C=JP/ST=Tokyo/L=Chiyoda-ku/O=Example University/CN=www${i}.example.ac.jp`, '-keyout', join(dir, `${i}.key`), '-out', join(dir, `${i}.csr`)], { stdio: 'ignore' });
    }
    return (performance.now() - t0) / runs;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
