// The key-editing part of the prompt with a fake terminal (the real terminal path is in csr.test.ts, on a pty).
import { describe, expect, it } from 'vitest';
import { askNewPassphrase, HiddenLineReader, readHiddenLine, type TtyInput } from './csr-prompt';

/**
 * A terminal that types `keys` (one chunk each time a line is read) and records raw-mode switches and what was
 * written; with `closes`, stdin ends once the keys run out.
 */
function fakeTerminal(keys: string[], closes = false) {
  const written: string[] = [];
  const modes: boolean[] = [];
  let onData: ((chunk: string) => void) | undefined;
  let onEnd: (() => void) | undefined;
  const input = {
    setRawMode: (m: boolean) => modes.push(m),
    setEncoding: () => undefined,
    on: (event: 'data' | 'end', l: (chunk: string) => void) => {
      if (event === 'end') {
        onEnd = l as () => void;
        return;
      }
      onData = l;
      const chunk = keys.shift();
      if (chunk !== undefined) queueMicrotask(() => onData?.(chunk));
      if (closes && keys.length === 0) queueMicrotask(() => onEnd?.());
    },
    removeListener: (event: 'data' | 'end') => {
      if (event === 'data') onData = undefined;
      else onEnd = undefined;
    },
    resume: () => undefined,
    pause: () => undefined,
  } as TtyInput;
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

  it('keeps what follows Enter in the same chunk for the next line (both answers pasted at once)', async () => {
    for (const paste of ['long enough\rlong enough\r', 'long enough\r\nlong enough\r\n', 'long enough\nlong enough\n']) {
      const term = fakeTerminal([paste]);
      expect(await askNewPassphrase(term.input, term.output), JSON.stringify(paste)).toEqual({ ok: true, passphrase: 'long enough' });
      expect(term.modes).toEqual([true, false, true, false]);
    }
    const split = fakeTerminal(['long enough\rlong ', 'enough\r']);
    expect(await askNewPassphrase(split.input, split.output)).toEqual({ ok: true, passphrase: 'long enough' });
  });

  it('says so when stdin closes before a line, at either prompt (not a silent cancel)', async () => {
    const ended = { ok: false, cancelled: false, message: { en: 'Standard input closed before the passphrase was entered; type it on a terminal or give --passphrase-file F.' } };
    expect(await askNewPassphrase(fakeTerminal([], true).input, { write: () => 0 })).toMatchObject(ended);
    expect(await askNewPassphrase(fakeTerminal(['long enough\r'], true).input, { write: () => 0 })).toMatchObject(ended);
    const term = fakeTerminal(['half'], true);
    const reader = new HiddenLineReader(term.input, term.output);
    expect(await reader.read('P: ')).toBe(null);
    expect(reader.closed).toBe(true);
    expect(term.modes).toEqual([true, false]);
    // A stream says 'end' once; a read starting after it must not wait for another.
    const after = fakeTerminal([]);
    expect(await readHiddenLine({ ...after.input, readableEnded: true }, after.output, 'P: ')).toBe(null);
  });
});
