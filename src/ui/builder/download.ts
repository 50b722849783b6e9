// Hand bytes to the user as a file download. Blob URLs stay inside the page (CSP: no network).
export function downloadBytes(name: string, bytes: Uint8Array | string, mime: string): void {
  // The Blob copies the view's bytes itself: copying first (a 5 MB zip) was work for nothing. Only a view over a
  // SharedArrayBuffer, which a Blob refuses, is copied.
  const part = typeof bytes === 'string' ? bytes : bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
  const blob = new Blob([part], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: Chromium starts the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function readFileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}
