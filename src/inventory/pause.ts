// A turn for the page between pieces of long work — only where there is a page: in a worker or in Node nobody
// waits for input, and a worker's nested setTimeout(0) costs 4 ms each (forty of them on a 10 000-row list).
export function pause(): Promise<void> {
  if (typeof window === 'undefined') return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
