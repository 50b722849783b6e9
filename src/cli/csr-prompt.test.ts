// The key-editing part of the prompt with a fake terminal (the real terminal path is in csr.test.ts, on a pty).
import { describe, expect, it } from 'vitest';
import { askNewPassphrase, readHiddenLine, type TtyInput } from './csr-prompt';

/** A terminal that types `keys` (one chunk per prompt) and records raw-mode switches and what was written. */
function fakeTerminal(keys: string[]) {
  const written: string[] = [];
  const modes: boolean[] = [];
  let listener: ((chunk: string) => void) | undefined;
  const input: TtyInput = {
    setRawMode: (m) => modes.push(m),
    setEncoding: () => undefined,
    on: (_e, l) => {
      listener = l;
      const chunk = keys.shift();
      if (chunk !== undefined) queueMicrotask(() => listener?.(chunk));
    },
    removeListener: () => {
      listener = undefined;
    },
    resume: () => undefined,
    pause: () => undefined,
  };
  return { input, output: { write: (t: string) => written.push(t) }, written, modes };
}

describe('passphrase prompt', () => {
  it('applies Backspace, ends at Enter, and leaves raw mode', async () => {
    const term = fakeTerminal(['secreX\u007ft passphrase\r']);
    expect(await readHiddenLine(term.input, term.output, 'P: ')).toBe('secret passphrase');
    expect(term.modes).toEqual([true, false]);
    expect(term.written.join('')).toBe('P: \n');
  });

  it('cancels on Ctrl-C and on Ctrl-D at an empty line', async () => {
    expect(await askNewPassphrase(fakeTerminal(['abc\u0003']).input, { write: () => 0 })).toMatchObject({ ok: false, cancelled: true });
    expect(await askNewPassphrase(fakeTerminal(['\u0004']).input, { write: () => 0 })).toMatchObject({ ok: false, cancelled: true });
  });

  it('returns the passphrase typed twice alike, and refuses a different confirmation', async () => {
    expect(await askNewPassphrase(fakeTerminal(['long enough\r', 'long enough\n']).input, { write: () => 0 })).toEqual({
      ok: true,
      passphrase: 'long enough',
    });
    const differ = await askNewPassphrase(fakeTerminal(['long enough\r', 'long enuogh\r']).input, { write: () => 0 });
    expect(differ).toMatchObject({ ok: false, cancelled: false, message: { en: 'The passphrase and its confirmation differ.' } });
  });
});
