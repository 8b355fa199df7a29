/**
 * A one-scope npm registry on 127.0.0.1 serving packed tarballs: what `@xinjian/*` looks like
 * once published, so a global install resolves the CLI's own dependencies the way it would on a
 * clean machine. Every other package still comes from the configured registry (or its cache).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename } from 'node:path';

export interface ScopedRegistry {
  url: string;
  close(): Promise<void>;
}

export async function startScopedRegistry(tarballs: string[]): Promise<ScopedRegistry> {
  const byName = new Map<string, { file: string; manifest: Record<string, unknown>; bytes: Buffer }>();
  for (const file of tarballs) {
    const manifest = JSON.parse(
      execFileSync('tar', ['-xzOf', file, 'package/package.json'], { encoding: 'utf8' }),
    );
    byName.set(manifest.name, { file, manifest, bytes: readFileSync(file) });
  }
  let origin = '';
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const tarball = [...byName.values()].find((p) => path === `/-/${basename(p.file)}`);
    if (tarball !== undefined) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(tarball.bytes);
      return;
    }
    const pkg = byName.get(path.slice(1));
    if (pkg === undefined) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"not found"}');
      return;
    }
    const version = String(pkg.manifest.version);
    const dist = {
      tarball: `${origin}/-/${basename(pkg.file)}`,
      shasum: createHash('sha1').update(pkg.bytes).digest('hex'),
      integrity: `sha512-${createHash('sha512').update(pkg.bytes).digest('base64')}`,
    };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        name: pkg.manifest.name,
        'dist-tags': { latest: version },
        versions: { [version]: { ...pkg.manifest, _id: `${pkg.manifest.name}@${version}`, dist } },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
