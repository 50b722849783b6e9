// Files the CLI writes that hold secrets (private keys, P12 files, PINs): atomically, with the mode asked for even
// over an existing file, and never through a symbolic link someone put in place (issue 10).
import { randomBytes } from 'node:crypto';
import { lstat, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export class UnsafeTargetError extends Error {
  constructor(
    readonly path: string,
    readonly reason: 'symlink' | 'not-a-file',
  ) {
    super(
      reason === 'symlink'
        ? `シンボリックリンクには書き込みません: ${path}\n  Refusing to write through a symbolic link: ${path}`
        : `通常のファイルではありません: ${path}\n  Not a regular file: ${path}`,
    );
    this.name = 'UnsafeTargetError';
  }
}

/** Why `path` must not be written to (a symlink, a directory…), or null when it is absent or a regular file. */
export async function unsafeTarget(path: string): Promise<UnsafeTargetError | null> {
  try {
    const s = await lstat(path);
    if (s.isSymbolicLink()) return new UnsafeTargetError(path, 'symlink');
    if (!s.isFile()) return new UnsafeTargetError(path, 'not-a-file');
    return null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Write `data` to `path` with exactly `mode`: a new temporary file beside it (created with 'wx', so never an
 * existing file or link), chmod, fsync, then rename over the target. Readers see the old file or the whole new
 * one; an existing file's wider mode is not kept (writeFile's mode applies only on create).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode: number): Promise<void> {
  const unsafe = await unsafeTarget(path);
  if (unsafe) throw unsafe;
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.chmod(mode); // the umask may have narrowed it; this is the mode asked for, no wider
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    // rename() replaces a link placed meanwhile as a link; it never writes through it.
    await rename(temp, path);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(path));
}

/** After a rename, the directory entry itself is durable only once the directory is synced (POSIX). */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse fsync on a directory: the rename has happened either way.
  }
}

/** True when others than the owner may create files in `dir` (mode g+w or o+w; /tmp too, sticky or not). */
export async function othersCanWrite(dir: string): Promise<boolean> {
  try {
    const s = await stat(dir);
    return (s.mode & 0o022) !== 0;
  } catch {
    return false;
  }
}
