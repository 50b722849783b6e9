// The one-time URLs inside a mail body, so a UI can turn them into links to the simulated pages.
export interface MailLink {
  /** The label before the URL, e.g. 証明書取得URL, アクセスPIN取得URL. */
  label: string;
  url: string;
  /** The token: the URL's last path segment. */
  token: string;
}

const LINE = /^(.+?URL)：(\S+)$/gm;

export function mailLinks(body: string): MailLink[] {
  return [...body.matchAll(LINE)].map((m) => ({ label: m[1], url: m[2], token: m[2].slice(m[2].lastIndexOf('/') + 1) }));
}
