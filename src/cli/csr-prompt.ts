// Asking for the key's passphrase on the terminal, without echo, twice: what `openssl genpkey -aes256` does,
// so `upki-tsv csr` can encrypt by default without the passphrase ever being on the command line or in a file.
import { checkPassphrase } from '../pki/pkcs8';
import type { Text } from '../spec/types';

/** The parts of process.stdin the prompt uses (a fake in tests). */
export interface TtyInput {
  setRawMode(mode: boolean): unknown;
  setEncoding(encoding: BufferEncoding): unknown;
  on(event: 'data', listener: (chunk: string) => void): unknown;
  removeListener(event: 'data', listener: (chunk: string) => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

export interface PromptOutput {
  write(text: string): unknown;
}

export type PassphraseAnswer = { ok: true; passphrase: string } | { ok: false; cancelled: boolean; message: Text };

const PROMPT = '秘密鍵のパスフレーズ / Passphrase for the private key: ';
const CONFIRM = '確認のためもう一度 / Again, to confirm: ';

/** Reads one line in raw mode: nothing typed is echoed; Backspace edits; Ctrl-C or Ctrl-D on an empty line cancels. */
export function readHiddenLine(input: TtyInput, output: PromptOutput, prompt: string): Promise<string | null> {
  // Raw mode before the prompt: whatever is typed once the prompt shows must already be unechoed.
  input.setEncoding('utf8');
  input.setRawMode(true);
  input.resume();
  output.write(prompt);
  return new Promise((resolve) => {
    let line = '';
    const finish = (value: string | null) => {
      input.removeListener('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
      resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish(line);
        if (ch === '\u0003' || (ch === '\u0004' && line === '')) return finish(null);
        if (ch === '\u007f' || ch === '\b') line = [...line].slice(0, -1).join('');
        else line += ch;
      }
    };
    input.on('data', onData);
  });
}

/** Asks twice; refuses an empty answer, a mismatch and whatever the page refuses (pki/pkcs8 checkPassphrase). */
export async function askNewPassphrase(input: TtyInput, output: PromptOutput): Promise<PassphraseAnswer> {
  const first = await readHiddenLine(input, output, PROMPT);
  if (first === null) return cancelled();
  if (first === '')
    return refused({ ja: 'パスフレーズが入力されていません。', en: 'No passphrase was entered.' });
  const check = checkPassphrase(first);
  if (!check.ok) return refused(check.message);
  const second = await readHiddenLine(input, output, CONFIRM);
  if (second === null) return cancelled();
  if (second !== first) return refused({ ja: 'パスフレーズと確認が一致しません。', en: 'The passphrase and its confirmation differ.' });
  return { ok: true, passphrase: first };
}

function refused(message: Text): PassphraseAnswer {
  return { ok: false, cancelled: false, message };
}

function cancelled(): PassphraseAnswer {
  return { ok: false, cancelled: true, message: { ja: '中止しました。', en: 'Cancelled.' } };
}
