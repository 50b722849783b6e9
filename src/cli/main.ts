import 'reflect-metadata';

// Entry of the `upki-tsv` command. Sub-commands live beside this file.
export async function main(argv: string[]): Promise<number> {
  const [cmd] = argv;
  process.stderr.write(`upki-tsv: unknown command ${cmd ?? ''}\n`);
  return 2;
}
