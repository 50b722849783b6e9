// ライセンスID: drawn, split into blocks for screen and mail, and read back from what a person typed.
import { LICENSE } from './rules';

/** Fresh blocks from the CSPRNG (rejection sampling: every alphabet letter equally likely). */
export function drawLicenseBlocks(): string[] {
  const { alphabet, blocks, blockLength } = LICENSE;
  const limit = 256 - (256 % alphabet.length);
  const out: string[] = [];
  let block = '';
  while (out.length < blocks) {
    for (const b of globalThis.crypto.getRandomValues(new Uint8Array(32))) {
      if (b >= limit) continue;
      block += alphabet[b % alphabet.length];
      if (block.length === blockLength) {
        out.push(block);
        block = '';
        if (out.length === blocks) break;
      }
    }
  }
  return out;
}

export function joinBlocks(blocks: readonly string[]): string {
  return blocks.join(LICENSE.separator);
}

/** The screen shows the first blocks and hides the last one (it is only in the mail). */
export function screenBlocks(blocks: readonly string[]): string {
  return [...blocks.slice(0, -1), '*'.repeat(LICENSE.blockLength)].join(LICENSE.separator);
}

export type ParsedLicense = { ok: true; blocks: string[] } | { ok: false };

/**
 * What the person typed on 「証明書取得」: blocks separated by '-' or spaces, or the characters run together;
 * case does not matter (a hand-copied ID is often lower-case). Anything that is not exactly the block
 * count × block length of alphabet characters is "incomplete" (the caller says which blocks to look for).
 */
export function parseLicenseInput(input: string): ParsedLicense {
  const text = input.normalize('NFKC').toUpperCase().trim();
  const parts = text.split(/[\s\-‐－ー]+/).filter(Boolean);
  const joined = parts.join('');
  const { blocks, blockLength, alphabet } = LICENSE;
  if (joined.length !== blocks * blockLength) return { ok: false };
  if (parts.length !== 1 && (parts.length !== blocks || parts.some((p) => p.length !== blockLength))) return { ok: false };
  if (![...joined].every((c) => alphabet.includes(c))) return { ok: false };
  const out: string[] = [];
  for (let i = 0; i < blocks; i++) out.push(joined.slice(i * blockLength, (i + 1) * blockLength));
  return { ok: true, blocks: out };
}
