// Placeholder: replaced by the module that implements `upki-tsv validate`.
export async function run(_argv: string[]): Promise<number> {
  process.stderr.write('upki-tsv validate: not implemented yet\n');
  return 2;
}
