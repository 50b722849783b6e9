// The shared parts that need Node (the CLI's `--state DIR`): kept apart so the page never bundles node:fs.
export { DirectoryStore } from '../ra/store/dir-store';
