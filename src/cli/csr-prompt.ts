// Asking for the key's passphrase on the terminal, without echo, twice: what `openssl genpkey -aes256` does,
// so `upki-tsv csr` can encrypt by default without the passphrase ever being on the command line or in a file.
import { checkPassphrase } from '../pki/pkcs8';
import type { Text } from '../spec/types';

/** The parts of process.stdin the prompt uses (a fake in tests). */
export interface TtyInput {
  setRawMode(mode: boolean): unknown;
  setEncoding(encoding: BufferEncoding): unknown;
  on(event: 'data', listener: (chunk: string) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  removeListener(event: 'data', listener: (chunk: string) => void): unknown;
  removeListener(event: 'end', listener: () => void): unknown;
  resume(): unknown;
  pause(): unknown;
  /** A stream emits 'end' once: a read that starts after it must see it here. */
  readonly readableEnded?: boolean;
}

export interface PromptOutput {
  write(text: string): unknown;
}

export type PassphraseAnswer = { ok: true; passphrase: string } | { ok: false; cancelled: boolean; message: Text };

const PROMPT = '秘密鍵のパスフレーズ / Passphrase for the private key: ';
const CONFIRM = '確認のためもう一度 / Again, to confirm: ';

/**
 * Reads lines in raw mode: nothing typed is echoed; Backspace edits; Ctrl-C or Ctrl-D on an empty line cancels.
 * One reader per terminal, because a paste of both answers arrives as one chunk: what follows the first Enter
 * belongs to the next line.
 */
export class HiddenLineReader {
  private unread = '';
  /** The input ended (stdin closed) before a line: read() gave null without anyone cancelling. */
  closed = false;

  constructor(
    private readonly input: TtyInput,
    private readonly output: PromptOutput,
  ) {}

  read(prompt: string): Promise<string | null> {
    const { input, output } = this;
    // Raw mode before the prompt: whatever is typed once the prompt shows must already be unechoed.
    input.setEncoding('utf8');
    input.setRawMode(true);
    input.resume();
    output.write(prompt);
    return new Promise((resolve) => {
      let line = '';
      const finish = (value: string | null) => {
        input.removeListener('data', take);
        input.removeListener('end', onEnd);
        input.setRawMode(false);
        input.pause();
        output.write('\n');
        resolve(value);
      };
      const take = (chunk: string) => {
        const chars = [...chunk];
        for (let i = 0; i < chars.length; i++) {
          const ch = chars[i];
          if (ch === '\r' || ch === '\n') {
            // A pasted CR LF is one Enter, or the next line would be read as empty.
            this.unread = chars.slice(ch === '\r' && chars[i + 1] === '\n' ? i + 2 : i + 1).join('');
            return finish(line);
          }
          if (ch === '\u0003' || (ch === '\u0004' && line === '')) {
            this.unread = '';
            return finish(null);
          }
          if (ch === '\u007f' || ch === '\b') line = [...line].slice(0, -1).join('');
          else line += ch;
        }
      };
      const onEnd = () => {
        this.closed = true;
        finish(null);
      };
      if (this.closed || input.readableEnded) return onEnd();
      input.on('data', take);
      input.on('end', onEnd);
      const pending = this.unread;
      this.unread = '';
      if (pending !== '') take(pending);
    });
  }
}

/** One line from a fresh reader (see HiddenLineReader). */
export function readHiddenLine(input: TtyInput, output: PromptOutput, prompt: string): Promise<string | null> {
  return new HiddenLineReader(input, output).read(prompt);
}

/** Asks twice; refuses an empty answer, a mismatch and whatever the page refuses (pki/pkcs8 checkPassphrase). */
export async function askNewPassphrase(input: TtyInput, output: PromptOutput): Promise<PassphraseAnswer> {
  const reader = new HiddenLineReader(input, output);
  const first = await reader.read(PROMPT);
  if (first === null) return reader.closed ? inputEnded() : cancelled();
  if (first === '')
    return refused({ ja: 'パスフレーズが入力されていません。', en: 'No passphrase was entered.' });
  const check = checkPassphrase(first);
  if (!check.ok) return refused(check.message);
  const second = await reader.read(CONFIRM);
  if (second === null) return reader.closed ? inputEnded() : cancelled();
  if (second !== first) return refused({ ja: 'パスフレーズと確認が一致しません。', en: 'The passphrase and its confirmation differ.' });
  return { ok: true, passphrase: first };
}

function refused(message: Text): PassphraseAnswer {
  return { ok: false, cancelled: false, message };
}

// Not "cancelled": nobody pressed Ctrl-C, so the command must say why it wrote nothing (and exit 1, not 130).
function inputEnded(): PassphraseAnswer {
  return refused({
    ja: 'パスフレーズの入力が終わる前に標準入力が閉じられました。端末で入力するか、--passphrase-file F を指定してください。',
    en: 'Standard input closed before the passphrase was entered; type it on a terminal or give --passphrase-file F.',
  });
}

function cancelled(): PassphraseAnswer {
  return { ok: false, cancelled: true, message: { ja: '中止しました。', en: 'Cancelled.' } };
}
