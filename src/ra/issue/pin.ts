// System-generated access PINs: 16 characters from 55 letters and digits without the look-alikes
// 0 O o 1 l I i (≈92 bits). Within every PIN rule of SPEC §5.4 (6–36 characters, allowed set).
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789';
export const PIN_LENGTH = 16;
export const PIN_ALPHABET = ALPHABET;

export function generatePin(length = PIN_LENGTH): string {
  let pin = '';
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 55).
  const limit = 256 - (256 % ALPHABET.length);
  while (pin.length < length) {
    for (const b of globalThis.crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (b < limit && pin.length < length) pin += ALPHABET[b % ALPHABET.length];
    }
  }
  return pin;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
