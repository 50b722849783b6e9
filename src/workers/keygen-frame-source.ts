// The script of the key helper frame (ui/ra/keygen-frame.ts): a sandboxed, opaque-origin iframe that Chromium puts
// in a renderer process of its own, whose WebCrypto thread makes RSA keys for the RA worker on a second core (one
// renderer's WebCrypto runs on one thread, however many workers the page starts). It runs inline (srcdoc), allowed
// by its SHA-256 in the page's Content-Security-Policy (vite.config.ts), and answers only on the MessagePorts its
// parent hands it: each request {id} gets {id, pkcs8, spki} (ArrayBuffers, transferred) or {id, error}. No network,
// no storage; the key exists here only until it is posted to the worker, which encrypts it into the P12.
// Plain ES2017 text (not bundled): whatever is here is exactly what the CSP hash allows.

export const KEYGEN_FRAME_SCRIPT = `"use strict";
const PARAMS = { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" };
let made = 0; // how many keys this helper made (read by the e2e tests through the frame: keysMade())
globalThis.keysMade = function () { return made; };
async function answer(port, id) {
  try {
    const pair = await crypto.subtle.generateKey(PARAMS, true, ["sign", "verify"]);
    const [pkcs8, spki] = await Promise.all([crypto.subtle.exportKey("pkcs8", pair.privateKey), crypto.subtle.exportKey("spki", pair.publicKey)]);
    made++;
    port.postMessage({ id: id, pkcs8: pkcs8, spki: spki }, [pkcs8, spki]);
  } catch (e) {
    port.postMessage({ id: id, error: String(e) });
  }
}
addEventListener("message", function (e) {
  if (e.source !== parent || !e.data || e.data.type !== "upki-keygen-port" || !e.ports[0]) return;
  const port = e.ports[0];
  port.onmessage = function (m) { if (m.data && typeof m.data.id === "number") answer(port, m.data.id); };
});
`;

/** The iframe's whole document. */
// eslint-disable-next-line no-useless-escape -- "<\/": the single-file build inlines this module in a <script>, which a literal end tag would close
export const KEYGEN_FRAME_HTML = `<!doctype html><meta charset="utf-8"><script>${KEYGEN_FRAME_SCRIPT}<\/script>`;
