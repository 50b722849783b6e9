// Long text cut for display with its length, so a message quoting a huge cell cannot flood the page.
export const CLIP_CHARS = 300;

export function clipText(text: string, max = CLIP_CHARS): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…(${chars.length.toLocaleString()})`;
}
