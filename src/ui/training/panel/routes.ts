// The routes beside which the training panel shows: the screens a scenario's steps use.
const PANEL_ROUTES = ['/service', '/jpnic', '/builder', '/keys', '/validate', '/ra'];

export function panelRoute(path: string): boolean {
  return PANEL_ROUTES.some((r) => path === r || path.startsWith(`${r}/`));
}
