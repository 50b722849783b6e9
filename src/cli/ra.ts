// Placeholder: replaced by the module that implements `upki-tsv ra`.
export async function run(_argv: string[]): Promise<number> {
  process.stderr.write('upki-tsv ra: not implemented yet\n');
  return 2;
}
