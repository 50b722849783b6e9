// The page's install-kit and all-CRL downloads (RaService): a zip Python reads with the kit's files, and
// every CRL (the root's included) in one PEM file.
import { describe, expect, it } from 'vitest';
import { openTestEngine, unzip, upload } from '../ra/ra.testkit';
import { simulateDownloads } from '../ra/simulate';
import { makeServerCsr, serverIssueRow } from '../tsv/fixtures';
import { MemoryStore } from '../ra/store/memory-store';
import { RaService } from './ra-service';

describe('RaService install kit', () => {
  it('hands out the server certificate kit as a zip and all CRLs as PEM', async () => {
    const store = new MemoryStore();
    const engine = await openTestEngine(store);
    const csr = await makeServerCsr();
    const result = await upload(engine, 'server-issue', [serverIssueRow({ csr: csr.oneLine })]);
    await simulateDownloads(engine, result.uploadId!);
    const service = new RaService(async () => store, async () => engine);
    const zip = await service.installKit(result.records[0].serialHex!);
    expect(zip.fileName).toBe(`install-${result.records[0].serialDecimal}.zip`);
    const files = await unzip(zip.bytes);
    expect(Object.keys(files).sort()).toEqual(
      ['README.txt', 'apache-client-auth.conf', 'apache.conf', 'chain.pem', 'client-ca.pem', 'crl-all.pem', 'fullchain.pem', 'nginx-client-auth.conf', 'nginx.conf', 'root.pem', 'server.crt'].sort(),
    );
    const text = (name: string) => new TextDecoder().decode(files[name]);
    expect(text('fullchain.pem')).toBe(text('server.crt') + text('chain.pem'));
    const all = new TextDecoder().decode((await service.crlAll()).bytes);
    expect(all.match(/-----BEGIN X509 CRL-----/g)).toHaveLength(6);
    await expect(service.installKit('00')).rejects.toThrow('no server certificate');
  });
});
