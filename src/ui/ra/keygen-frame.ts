// The page's side of the key helper frame (workers/keygen-frame-source.ts): one hidden sandboxed iframe per page,
// and a fresh MessageChannel for each RA worker (a cancelled upload replaces the worker), so the worker and the
// frame talk directly — keys never pass through the page's own code. Without a frame (it could not start), the
// worker makes its keys itself, only slower.
import { KEYGEN_FRAME_HTML } from '../../workers/keygen-frame-source';

let frame: Promise<HTMLIFrameElement | undefined> | undefined;

function startFrame(): Promise<HTMLIFrameElement | undefined> {
  return new Promise((resolve) => {
    try {
      const f = document.createElement('iframe');
      // allow-scripts without allow-same-origin: an opaque origin, which Chromium isolates in its own process.
      f.setAttribute('sandbox', 'allow-scripts');
      f.setAttribute('aria-hidden', 'true');
      f.tabIndex = -1;
      f.title = 'key helper';
      f.hidden = true;
      f.dataset.testid = 'ra-keygen-frame';
      f.addEventListener('load', () => resolve(f), { once: true });
      f.srcdoc = KEYGEN_FRAME_HTML;
      document.body.append(f);
    } catch {
      resolve(undefined);
    }
  });
}

/** A port to the key helper for a new worker (transfer it), or undefined when there is no DOM or frame. */
export async function keygenPort(): Promise<MessagePort | undefined> {
  if (typeof document === 'undefined') return undefined;
  frame ??= startFrame();
  const f = await frame;
  if (!f?.contentWindow) return undefined;
  const channel = new MessageChannel();
  f.contentWindow.postMessage({ type: 'upki-keygen-port' }, '*', [channel.port1]);
  return channel.port2;
}
