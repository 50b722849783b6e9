// The nginx example of docs/deploy.md, run for real: nginx serves a folder with deploy/nginx.conf on a free local
// port, and curl (an independent client) must see every header, the HTML page and a script with a JavaScript type.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'upki-deploy-'));
let nginx: ChildProcess | undefined;
let port = 0;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

function curlHeaders(path: string): string {
  return spawnSync('curl', ['-sS', '-D', '-', '-o', '/dev/null', `http://127.0.0.1:${port}${path}`], { encoding: 'utf8' }).stdout;
}

beforeAll(async () => {
  port = await freePort();
  chmodSync(dir, 0o755); // nginx's workers may run as another user (nobody) when started as root
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(dir, 'app.js'), 'console.log(1);');
  const example = readFileSync(resolve(__dirname, '../deploy/nginx.conf'), 'utf8').replace(/root \S+;/, `root ${dir};`);
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  include /etc/nginx/mime.types;\n` +
      `  access_log off;\n  client_body_temp_path ${dir}/b;\n  proxy_temp_path ${dir}/p;\n  fastcgi_temp_path ${dir}/f;\n  uwsgi_temp_path ${dir}/u;\n  scgi_temp_path ${dir}/s;\n` +
      `  server {\n    listen 127.0.0.1:${port};\n${example}\n  }\n}\n`,
  );
  nginx = spawn('/usr/sbin/nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir, '-e', join(dir, 'error.log')], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !curlHeaders('/').startsWith('HTTP'); i++) await new Promise((r) => setTimeout(r, 100));
});

afterAll(() => {
  nginx?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe('deploy/nginx.conf', () => {
  it('sends the CSP with frame-ancestors none, nosniff and no-referrer with the page', () => {
    const h = curlHeaders('/').toLowerCase();
    expect(h).toMatch(/^http\/1\.1 200/);
    expect(h).toMatch(/content-type: text\/html/);
    expect(h).toMatch(/content-security-policy: default-src 'self';[^\n]*frame-ancestors 'none'/);
    expect(h).toContain('x-content-type-options: nosniff');
    expect(h).toContain('referrer-policy: no-referrer');
    expect(h).toContain('x-frame-options: deny');
  });

  it('serves scripts as JavaScript (nosniff would refuse anything else), with the same headers', () => {
    const h = curlHeaders('/app.js').toLowerCase();
    expect(h).toMatch(/content-type: (text|application)\/javascript/);
    expect(h).toContain('x-content-type-options: nosniff');
  });
});
