// Long text cut for display with its length, so a message quoting a huge cell cannot flood the page.
export const CLIP_CHARS = 300;

export function clipText(text: string, max = CLIP_CHARS): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…(${groupDigits(chars.length)})`;
}

/** 1048576 → "1,048,576" without toLocaleString, whose first call loads locale data (a long main-thread task). */
export function groupDigits(n: number): string {
  const digits = String(Math.trunc(n));
  let out = '';
  for (let i = 0; i < digits.length; i++) out += (i > 0 && (digits.length - i) % 3 === 0 ? ',' : '') + digits[i];
  return out;
}
