// A tiny argv parser: `--flag value`, `--flag=value`, boolean flags, positionals. Unknown flags are usage errors.
export interface ParsedArgs {
  flags: Record<string, string | true>;
  positionals: string[];
}

export type ArgsResult = { ok: true; args: ParsedArgs } | { ok: false; error: string };

export function parseArgs(argv: string[], spec: { values: string[]; booleans: string[] }): ArgsResult {
  // No prototype: `flags.help` and friends can never find an inherited member (--constructor, --__proto__).
  const flags = Object.create(null) as Record<string, string | true>;
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq > 0 ? eq : undefined);
    if (spec.booleans.includes(name)) {
      if (eq > 0) return { ok: false, error: `--${name} takes no value` };
      flags[name] = true;
    } else if (spec.values.includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith('--'))) return { ok: false, error: `--${name} needs a value` };
      flags[name] = value;
    } else {
      return { ok: false, error: `unknown option --${name}` };
    }
  }
  return { ok: true, args: { flags, positionals } };
}
