// The certificate step split over the import worker and a helper (here both ends of a real MessageChannel in
// one Node process) gives exactly the records the one-worker step gives, in order, and falls back to reading
// everything itself when the helper is not running, not needed, or lost.
import { execFileSync } from 'node:child_process';
import { MessageChannel, type MessagePort as NodePort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { withCertificateFacts, type SourceRecord } from '../../inventory';
import { shiftJis } from '../../ra/files/tsv-file';
import { helperOn, serveHelper, withFactsSplit } from './import-helper';

const cert = (cn: string) =>
  execFileSync('sh', ['-c', `openssl req -x509 -newkey rsa:2048 -nodes -keyout /dev/null -subj "/C=JP/O=Ex/CN=${cn}" -addext "subjectAltName=DNS:${cn}" -days 30 -outform DER 2>/dev/null | base64 -w0`])
    .toString()
    .trim();
const certs = ['a.example.ac.jp', 'b.example.ac.jp', 'c.example.ac.jp'].map(cert);
const records: SourceRecord[] = Array.from({ length: 41 }, (_, i) => ({
  source: 'serverCertificateList.txt',
  serialDecimal: String(1000 + i),
  kind: 'server',
  // every seventh row has no certificate, one has a broken one
  certDerB64: i % 7 === 3 ? undefined : i === 20 ? 'not base64!' : certs[i % 3],
}));

/** Two ends of a channel, the helper's served: Node's MessagePort stands in for the browser's. */
function channel() {
  const { port1, port2 } = new MessageChannel();
  const web = (p: NodePort) => {
    const port = { postMessage: (m: unknown) => p.postMessage(m), onmessage: null as ((e: MessageEvent) => void) | null };
    p.on('message', (data) => port.onmessage?.({ data } as MessageEvent));
    return port as unknown as MessagePort;
  };
  return { mine: web(port1), theirs: web(port2), close: () => (port1.close(), port2.close()) };
}
const tick = () => new Promise((r) => setTimeout(r, 20));

describe('the helper decodes', () => {
  it('a Shift-JIS part as the import worker would, and answers null while it is not running', async () => {
    const bytes = shiftJis('主体者DN\t利用管理者氏名\r\nCN=a.example.ac.jp\t髙橋　①\r\n');
    const c = channel();
    const helper = helperOn(c.mine);
    expect(await helper.decode(bytes.slice())).toBeNull();
    serveHelper(c.theirs);
    await tick();
    expect(await helper.decode(bytes.slice())).toBe(new TextDecoder('shift_jis').decode(bytes));
    expect(await helper.decode(new Uint8Array([0x41, 0x81, 0x09]))).toBeUndefined();
    c.close();
  });
});

describe('withFactsSplit', () => {
  it('gives the records the one-worker step gives, half of them read by the helper', async () => {
    const want = await withCertificateFacts(records);
    const c = channel();
    serveHelper(c.theirs);
    const helper = helperOn(c.mine);
    await tick();
    expect(helper.ready()).toBe(true);
    let asked = 0;
    const facts = helper.facts.bind(helper);
    helper.facts = (b64) => ((asked = b64.filter(Boolean).length), facts(b64));
    const got = await withFactsSplit(records, helper, undefined, 10);
    expect(asked).toBeGreaterThan(10);
    expect(got).toEqual(want);
    expect(got[0].notAfter).toBeDefined();
    expect(got.at(-1)?.dnsNames).toEqual(['b.example.ac.jp']); // row 40 (the helper's half): certs[40 % 3]
    c.close();
  });

  it('reads everything itself when the helper has not said it runs, or there are few certificates', async () => {
    const c = channel();
    const helper = helperOn(c.mine); // nobody serves the other end
    const want = await withCertificateFacts(records);
    expect(await withFactsSplit(records, helper, undefined, 10)).toEqual(want);
    expect(await withFactsSplit(records, undefined, undefined, 10)).toEqual(want);
    c.close();
  });

  it('reads the helper’s half itself when the helper is lost', async () => {
    const c = channel();
    const helper = helperOn(c.mine);
    c.theirs.onmessage = null;
    c.theirs.postMessage({ type: 'ready' }); // it runs, then never answers
    await tick();
    const pending = withFactsSplit(records, helper, undefined, 10);
    await tick();
    helper.lost();
    expect(await pending).toEqual(await withCertificateFacts(records));
    c.close();
  });
});
