// Placeholder: replaced by the module that implements `upki-tsv csr`.
export async function run(_argv: string[]): Promise<number> {
  process.stderr.write('upki-tsv csr: not implemented yet\n');
  return 2;
}
