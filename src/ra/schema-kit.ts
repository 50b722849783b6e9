// Checks for untrusted JSON as data (a check returns the first problem, a path and what is wrong, or undefined),
// and the log checker both simulated services build from a table of event types (src/ra/event-schema.ts,
// src/jpnic/event-schema.ts): every event of a backup is checked before the engine may replay it.
/** A check returns the first problem found (a path and what is wrong), or undefined. */
export type Check = (value: unknown, path: string) => string | undefined;

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const str: Check = (v, p) => (typeof v === 'string' ? undefined : `${p}: not a string`);
export const bool: Check = (v, p) => (typeof v === 'boolean' ? undefined : `${p}: not a boolean`);
export const int: Check = (v, p) => (Number.isSafeInteger(v) ? undefined : `${p}: not an integer`);
export const num: Check = (v, p) => (typeof v === 'number' && Number.isFinite(v) ? undefined : `${p}: not a finite number`);
/** An ISO 8601 time the engine can turn into a Date (every `at`, notBefore, expiresAt …). */
export const time: Check = (v, p) =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(v) && !Number.isNaN(Date.parse(v)) ? undefined : `${p}: not an ISO time`;
export const hex: Check = (v, p) => (typeof v === 'string' && /^[0-9a-f]{1,64}$/.test(v) ? undefined : `${p}: not lower-case hex`);
export const oneOf =
  (...values: readonly (string | number)[]): Check =>
  (v, p) =>
    values.includes(v as string | number) ? undefined : `${p}: not one of ${values.join(', ')}`;
export const opt =
  (check: Check): Check =>
  (v, p) =>
    v === undefined ? undefined : check(v, p);
export const arr =
  (check: Check): Check =>
  (v, p) => {
    if (!Array.isArray(v)) return `${p}: not an array`;
    for (let i = 0; i < v.length; i++) {
      const problem = check(v[i], `${p}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  };
export const record =
  (check: Check): Check =>
  (v, p) => {
    if (!isObject(v)) return `${p}: not an object`;
    for (const [k, item] of Object.entries(v)) {
      const problem = check(item, `${p}.${k}`);
      if (problem) return problem;
    }
    return undefined;
  };
/** An object with these fields; keys the schema does not name are ignored (nothing reads them). */
export const fields =
  (spec: Record<string, Check>): Check =>
  (v, p) => {
    if (!isObject(v)) return `${p}: not an object`;
    for (const [k, check] of Object.entries(spec)) {
      const problem = check(Object.hasOwn(v, k) ? v[k] : undefined, `${p}.${k}`);
      if (problem) return problem;
    }
    return undefined;
  };
/** `fields` for a domain type: every key of T must have a check. */
export const shape =
  <T>() =>
  (spec: { [K in keyof T]-?: Check }): Check =>
    fields(spec);


/** The event fields of one service: per event type, the checks of its own fields (seq, at and type are checked for all). */
export type EventFieldTable = Readonly<Record<string, Readonly<Record<string, Check>>>>;

/** The first problem of event number `index` (0-based) of a log, or undefined when it is well formed. */
export function checkLogEvent(table: EventFieldTable, value: unknown, index: number): string | undefined {
  const path = `events[${index}]`;
  if (!isObject(value)) return `${path}: not an object`;
  if (value.seq !== index + 1) return `${path}.seq: expected ${index + 1}`;
  const at = time(value.at, `${path}.at`);
  if (at) return at;
  const type = value.type;
  if (typeof type !== 'string' || !Object.hasOwn(table, type)) return `${path}.type: unknown event type`;
  return fields(table[type])(value, path);
}

/** The first problem of a whole log, or undefined. */
export function checkLog(table: EventFieldTable, value: unknown): string | undefined {
  if (!Array.isArray(value)) return 'events: not an array';
  for (let i = 0; i < value.length; i++) {
    const problem = checkLogEvent(table, value[i], i);
    if (problem) return problem;
  }
  return undefined;
}
