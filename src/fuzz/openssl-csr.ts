// OpenSSL's verdict on a CSR, for the fuzz suite's "validator accepts ⇒ OpenSSL accepts" check (Node only).
import { spawnSync } from 'node:child_process';

export function opensslAcceptsCsr(der: Uint8Array): boolean {
  const r = spawnSync('openssl', ['req', '-inform', 'DER', '-verify', '-noout'], { input: der });
  return r.status === 0;
}
