// Test-only: real TLS servers (Debian's nginx, Apache httpd) on 127.0.0.1, on a free port, with every file
// in a temp dir; started and stopped by the test. Never touches /etc/nginx or /etc/apache2.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';

/** Debian installs the servers in /usr/sbin, which may be off a non-root user's PATH. */
const sbin = (name: string) => (existsSync(`/usr/sbin/${name}`) ? `/usr/sbin/${name}` : name);
const NGINX = sbin('nginx');
const APACHE = sbin('apache2');

/** A port the kernel just handed out and released (the server binds it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Poll a condition (a server coming up, a reload taking effect); fail with `what` after `tries` × 100 ms. */
export async function until(what: string, check: () => Promise<boolean> | boolean, tries = 200): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting: ${what}`);
}

export interface RunningServer {
  port: number;
  /** Re-read the configuration (nginx -s reload / SIGHUP): new connections get the new CRL. */
  reload(): void;
  stop(): Promise<void>;
  log(): string;
}

async function started(name: string, child: ChildProcess, port: number, log: () => string): Promise<void> {
  let exited = false;
  child.once('exit', () => (exited = true));
  await until(`${name} listening on ${port}`, async () => {
    if (exited) throw new Error(`${name} exited:\n${log()}`);
    return canConnect(port);
  });
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

/**
 * nginx in the foreground with `http { <serverBlock> }`. The server block is the generated snippet with
 * its paths and `listen` already rewritten by the caller.
 */
export async function startNginx(dir: string, serverBlock: string, port: number): Promise<RunningServer> {
  for (const d of ['logs', 'tmp']) mkdirSync(join(dir, d), { recursive: true });
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    [
      // As root, workers would otherwise run as nobody and could not read the temp dir.
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      'daemon off;',
      'worker_processes 1;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/logs/error.log info;`,
      'events { worker_connections 64; }',
      'http {',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/tmp/${t};`),
      serverBlock,
      '}',
      '',
    ].join('\n'),
  );
  const args = ['-p', dir, '-e', `${dir}/logs/error.log`, '-c', conf];
  const test = spawnSync(NGINX, [...args, '-t'], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t: ${test.stderr}`);
  const child = spawn(NGINX, args, { stdio: 'ignore' });
  const log = () => readFileSync(`${dir}/logs/error.log`, 'utf8');
  await started('nginx', child, port, log);
  return {
    port,
    reload() {
      const r = spawnSync(NGINX, [...args, '-s', 'reload'], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`nginx -s reload: ${r.stderr}`);
    },
    stop: stopper(child),
    log,
  };
}

const APACHE_MODULES = ['mpm_event', 'authz_core', 'dir', 'ssl', 'socache_shmcb'];

/** Apache httpd (Debian's apache2 binary) in the foreground (-X: one process) with the generated VirtualHost. */
export async function startApache(dir: string, vhost: string, port: number): Promise<RunningServer> {
  mkdirSync(join(dir, 'logs'), { recursive: true });
  chmodSync(dir, 0o755);
  const conf = join(dir, 'httpd.conf');
  writeFileSync(
    conf,
    [
      `ServerRoot ${dir}`,
      ...APACHE_MODULES.map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`),
      ...(process.getuid?.() === 0 ? ['User nobody', 'Group nogroup'] : []),
      `PidFile ${dir}/httpd.pid`,
      `ErrorLog ${dir}/logs/error.log`,
      'LogLevel warn ssl:info',
      `Mutex file:${dir}/logs`,
      `DefaultRuntimeDir ${dir}/logs`,
      `SSLSessionCache shmcb:${dir}/logs/ssl_scache(512000)`,
      `Listen 127.0.0.1:${port}`,
      'ServerName localhost',
      `DocumentRoot ${dir}/www`,
      'DirectoryIndex index.html',
      `<Directory ${dir}/www>`,
      '  Require all granted',
      '</Directory>',
      vhost,
      '',
    ].join('\n'),
  );
  const args = ['-f', conf, '-d', dir];
  const test = spawnSync(APACHE, [...args, '-t'], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`apache2 -t: ${test.stderr}`);
  const child = spawn(APACHE, [...args, '-X'], { stdio: 'ignore' });
  const log = () => readFileSync(`${dir}/logs/error.log`, 'utf8');
  await started('apache2', child, port, log);
  return {
    port,
    reload() {
      throw new Error('restart Apache -X instead (stop, then start)');
    },
    stop: stopper(child),
    log,
  };
}
