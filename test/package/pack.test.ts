/**
 * Pack and install, as an integrator would: every workspace is built and packed, the tarballs
 * are installed into a fresh project outside the repository, and the installed packages are
 * used the documented ways: the SDK on the system Node and on Node 24, strict type-checks under
 * three module resolutions, the `xinjian` bin in demo mode, a vitest file over the mock's
 * handlers, publint and arethetypeswrong, and a global install of the CLI from its tarball.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../../seeds/demo.ts';
import { startScopedRegistry } from './registry.ts';

const exec = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'node_modules/.bin');
const NODE24 = process.execPath;
// The machine's own Node (20 on CI), the oldest the SDK promises to run on.
const SYSTEM_NODE = '/usr/bin/node';
// npm and the installed bins run on Node 24, as `npm run` would run them.
const ENV = {
  ...process.env,
  PATH: `${dirname(NODE24)}:${BIN}:${process.env.PATH ?? ''}`,
  NODE_NO_WARNINGS: '1',
};
const rootVersion = async (name: string) =>
  (
    JSON.parse(await readFile(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

let work: string;
let app: string;
let tarballs: Record<'sdk' | 'mock' | 'cli', string>;

async function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = ENV) {
  try {
    return await exec(cmd, args, { cwd, env, maxBuffer: 32 * 2 ** 20, timeout: 300_000 });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'xinjian-pack-'));
  const packed = join(work, 'tarballs');
  await mkdir(packed);
  // One build of the chain (cli → mock-server → sdk), then pack without re-running prepack.
  await run('npm', ['run', 'build', '-w', '@xinjian/cli'], ROOT);
  await run('npm', ['pack', '--workspaces', '--ignore-scripts', '--pack-destination', packed], ROOT);
  const files = await readdir(packed);
  const find = (prefix: string) => {
    const f = files.find((x) => x.startsWith(prefix));
    if (f === undefined) throw new Error(`no ${prefix} tarball in ${files.join(', ')}`);
    return join(packed, f);
  };
  tarballs = { sdk: find('xinjian-sdk-'), mock: find('xinjian-mock-server-'), cli: find('xinjian-cli-') };

  app = join(work, 'app');
  await mkdir(app);
  await writeFile(
    join(app, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  await run(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      tarballs.sdk,
      tarballs.mock,
      tarballs.cli,
      `vitest@${await rootVersion('vitest')}`,
    ],
    app,
  );
  for (const f of ['smoke.mjs', 'types.ts'])
    await copyFile(join(import.meta.dirname, 'consumer', f), join(app, f));
  // The SDK README's quick start, exactly as published: .ts for Node 24, .mjs for Node 20.
  await copyFile(join(ROOT, 'sdk/examples/quickstart.ts'), join(app, 'quickstart.ts'));
  await copyFile(join(ROOT, 'sdk/examples/quickstart.ts'), join(app, 'quickstart.mjs'));
  await copyFile(join(ROOT, 'mock-server/examples/integration.test.ts'), join(app, 'integration.test.ts'));
}, 600_000);

afterAll(async () => {
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

describe('the packed tarballs', () => {
  it('ship compiled JavaScript and declarations, not tests', async () => {
    const { stdout } = await run('tar', ['-tzf', tarballs.sdk], work);
    const list = stdout.split('\n');
    expect(list).toContain('package/dist/index.js');
    expect(list).toContain('package/dist/index.d.ts');
    expect(list.filter((f) => /\.test\.[jt]s$/.test(f))).toEqual([]);
    const mock = (await run('tar', ['-tzf', tarballs.mock], work)).stdout.split('\n');
    expect(mock).toContain('package/dist/seeds/data/seed.json');
    expect(mock).toContain('package/dist/seeds/pages/bid-opening.html');
  });

  it.each(['sdk', 'mock', 'cli'] as const)('%s carries the licence text it declares', async (name) => {
    const { stdout } = await run('tar', ['-xzOf', tarballs[name], 'package/LICENSE'], work);
    expect(stdout).toMatch(/^MIT License/);
    const manifest = JSON.parse(
      (await run('tar', ['-xzOf', tarballs[name], 'package/package.json'], work)).stdout,
    );
    expect(manifest.license).toBe('MIT');
  });

  it.each(['sdk', 'mock', 'cli'] as const)('%s passes publint', async (name) => {
    const { stdout } = await run(join(BIN, 'publint'), ['run', tarballs[name], '--strict'], work);
    expect(stdout).toContain('All good!');
  });

  it.each(['sdk', 'mock'] as const)('%s passes arethetypeswrong (ESM only)', async (name) => {
    const { stdout } = await run(
      join(BIN, 'attw'),
      [tarballs[name], '--profile', 'esm-only', '--format', 'json', '--quiet'],
      work,
    ).catch((e: Error) => ({ stdout: e.message }));
    expect(stdout).toBe('');
  });
});

describe('installed in a fresh project', () => {
  let mock: ChildProcess;
  let mockUrl: string;

  beforeAll(async () => {
    // The installed mock server's own bin, on Node 24.
    mock = spawn(NODE24, [join(app, 'node_modules/.bin/xinjian-mock'), '--port', '0'], {
      cwd: app,
      env: ENV,
    });
    mockUrl = await new Promise<string>((ok, fail) => {
      let out = '';
      mock.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /mock server: (http:\/\/\S+)/.exec(out);
        if (m?.[1]) ok(m[1]);
      });
      mock.once('exit', (code) => fail(new Error(`xinjian-mock exited (${code}): ${out}`)));
    });
  }, 60_000);
  afterAll(() => {
    mock?.kill();
  });

  it.each([
    ['the system Node', SYSTEM_NODE],
    ['Node 24', NODE24],
  ])('the SDK imports and calls the API on %s', async (_label, node) => {
    const { stdout } = await run(node, ['smoke.mjs'], app, {
      ...ENV,
      MOCK_URL: mockUrl,
      MOCK_KEY: DEMO_API_KEY,
    });
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect({ ...result, node: undefined }).toEqual({
      node: undefined,
      clean: 'found',
      blacklisted: 'found',
      expectedCheckChar: 'L',
      products: expect.any(Number),
      verdict: 'fail',
      parsed: true,
      authenticationError: true,
      timeoutError: true,
      withResponse: true,
      searchedBy: 'exact_name',
      searchRequestId: true,
      fullWidth: 'found',
      lookupAuthenticationError: true,
      signatureVerified: true,
      recordVerified: true,
      editedProblems: ['subject_mismatch'],
      creditParties: ['borrower:pass', 'guarantor:fail'],
      modes: ['procurement', 'tendering', 'credit', 'loan'],
      smeScale: true,
      smeMeaning: '偿还债务的能力较弱，违约风险较高',
    });
    expect(result.products).toBeGreaterThan(1);
    if (node === SYSTEM_NODE && existsSync(SYSTEM_NODE)) expect(String(result.node)).toMatch(/^\d+\./);
  });

  it.each([
    ['the system Node', SYSTEM_NODE, 'quickstart.mjs'],
    ['Node 24', NODE24, 'quickstart.ts'],
  ])('the README quick start runs as published on %s', async (_label, node, file) => {
    const { stdout } = await run(node, [file], app, {
      ...ENV,
      XINJIAN_BASE_URL: mockUrl,
      XINJIAN_API_KEY: DEMO_API_KEY,
    });
    expect(stdout).toMatch(
      /^91110000561976492Q found: 北京市东城区澜丰信息技术有限公司; black lists: none$/m,
    );
    expect(stdout).toMatch(/^91110000600037341N invalid_identifier: expected check character L$/m);
    expect(stdout).toMatch(/^products for government procurement: [1-9]\d*$/m);
  });

  it.each([
    ['node16', 'node16'],
    ['nodenext', 'nodenext'],
    ['bundler', 'preserve'],
  ])('type-checks strictly under moduleResolution %s with skipLibCheck off', async (resolution, module) => {
    const tsconfig = join(app, `tsconfig.${resolution}.json`);
    await writeFile(
      tsconfig,
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          target: 'ES2023',
          lib: ['ES2023', 'DOM'],
          types: [],
          module,
          moduleResolution: resolution,
        },
        files: ['types.ts'],
      }),
    );
    const { stdout } = await run(join(BIN, 'tsc'), ['-p', tsconfig], app);
    expect(stdout).toBe('');
  });

  it('runs `xinjian products` and `xinjian check` from the installed bin in demo mode', async () => {
    const bin = join(app, 'node_modules/.bin/xinjian');
    const products = await run(bin, ['products', '--json'], app);
    expect((JSON.parse(products.stdout) as unknown[]).length).toBeGreaterThan(1);
    expect(products.stderr).toMatch(/demo data/);
    const check = await run(bin, ['check', '91110000561976492Q', '--json'], app);
    expect(check.stdout).toContain('"verdict": "pass"');
  });

  it('runs a vitest file that puts the mock handlers in setupServer', async () => {
    const { stdout } = await run(join(app, 'node_modules/.bin/vitest'), ['run', 'integration.test.ts'], app, {
      ...ENV,
      CI: '1',
    });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the reporter's colours
    expect(stdout.replace(/\u001b\[\d+m/g, '')).toMatch(/Tests\s+4 passed \(4\)/);
  });
});

describe('npm i -g of the CLI tarball', () => {
  it('installs a working `xinjian check --csv list.csv`', async () => {
    const registry = await startScopedRegistry([tarballs.sdk, tarballs.mock, tarballs.cli]);
    try {
      const prefix = join(work, 'global');
      await run(
        'npm',
        [
          'install',
          '-g',
          '--prefix',
          prefix,
          '--prefer-offline',
          '--no-audit',
          '--no-fund',
          `--@xinjian:registry=${registry.url}/`,
          tarballs.cli,
        ],
        work,
      );
      const desk = join(work, 'desk');
      await mkdir(desk);
      await writeFile(
        join(desk, 'list.csv'),
        '投标人名称,统一社会信用代码\n北京市东城区澜丰信息技术有限公司,91110000561976492Q\n沐嘉（长春）建筑工程股份有限公司,91220100MA871Q8132\n',
      );
      const { stdout, stderr } = await run(
        join(prefix, 'bin/xinjian'),
        ['check', '--csv', 'list.csv'],
        desk,
        {
          ...ENV,
          PATH: `${join(prefix, 'bin')}:${ENV.PATH}`,
        },
      ).catch((e: Error) => ({ stdout: e.message, stderr: '' }));
      expect(`${stdout}${stderr}`).toContain('共 2 个');
      const result = await readFile(join(desk, 'list.result.csv'));
      expect(result.length).toBeGreaterThan(0);
    } finally {
      await registry.close();
    }
  });
});
