import 'reflect-metadata';
import { version } from '../../package.json';
import { own } from '../spec/own';

// Entry of the `upki-tsv` command. Each sub-command is a module with `run(argv): Promise<number>`
// returning the exit status: 0 all good, 1 something invalid, 2 usage error.
const COMMANDS: Record<string, () => Promise<{ run(argv: string[]): Promise<number> }>> = {
  validate: () => import('./validate'),
  csr: () => import('./csr'),
  ra: () => import('./ra'),
  jpnic: () => import('./jpnic'),
};

export const USAGE = `upki-tsv — UPKI TSV tools (offline)

  upki-tsv --version
  upki-tsv validate --kind KIND [--json] [--lang ja|en] FILE...
  upki-tsv csr --profile 3|11 --cn FQDN --o O --st ST --l L [--san host,host] --out DIR
               [--passphrase-file F | --no-encrypt] [--force]   (default: encrypted, passphrase asked on the terminal)
  upki-tsv ra init|upload|export|clock --state DIR ...
  upki-tsv jpnic init|register|issue|fetch|revoke|reissue|delete|login|clock|export --state DIR ...

KIND: server-issue | server-renew | server-revoke | client-issue | client-renew | client-revoke
`;

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(USAGE);
    return cmd ? 0 : 2;
  }
  if (cmd === '--version' || cmd === '-V') {
    process.stdout.write(`upki-tsv ${version}\n`);
    return 0;
  }
  const load = own(COMMANDS, cmd);
  if (!load) {
    process.stderr.write(`upki-tsv: unknown command '${cmd}'\n\n${USAGE}`);
    return 2;
  }
  const mod = await load();
  return mod.run(rest);
}
