/**
 * `npm start`: the demo in one command. Starts the mock API on the embedded seed data, builds
 * the extension in development mode (pointed at that API with the demo key) and opens
 * Chromium with it loaded on the demo bid-opening page. Without a display it says so and
 * prints how to load the extension by hand. Ctrl-C stops everything it started.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startMockServer } from '../mock-server/src/index.ts';
import { DEMO_API_KEY } from '../seeds/index.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    'no-build': { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
  },
});
const port = Number(values.port);
const extensionDir = join(root, '.output', 'chrome-mv3-dev');

const children: ChildProcess[] = [];
let profileDir: string | undefined;

function run(cmd: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    children.push(child);
    child.on('exit', (code) =>
      code === 0 ? ok() : fail(new Error(`${cmd} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

function findChromium(): string | undefined {
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) =>
    existsSync(p),
  );
}

const server = await startMockServer({ port }).catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  console.error(
    code === 'EADDRINUSE'
      ? `端口 ${port} 已被占用 / port ${port} is in use: stop the other process or run \`npm start -- --port 8788\` (the development build expects 8787).`
      : `无法启动演示 API / could not start the demo API: ${String(error)}`,
  );
  process.exit(1);
});
const demoPage = `${server.url}/demo/bid-opening`;

console.log(`
信鉴 Xinjian 演示 / demo
  API:        ${server.url}/v1   (key ${DEMO_API_KEY})
  演示页面:   ${server.url}/
  开标记录:   ${demoPage}
  中标公告:   ${server.url}/demo/award-notice
  公积金审批: ${server.url}/demo/loan-review
`);

async function shutdown(code = 0): Promise<never> {
  for (const child of children) child.kill('SIGTERM');
  await server.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  if (!values['no-build']) {
    console.log('构建扩展（开发模式）/ building the extension (development mode)…');
    await run(
      process.execPath,
      [join(root, 'node_modules', 'wxt', 'bin', 'wxt.mjs'), 'build', '--mode', 'development'],
      {
        XINJIAN_API_BASE_URL: server.url,
      },
    );
  }
} catch (error) {
  console.error(`扩展构建失败 / extension build failed: ${String(error)}`);
  await shutdown(1);
}

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const chromium = findChromium();
if (values['no-browser'] || !hasDisplay || !chromium) {
  const why = values['no-browser']
    ? '已按 --no-browser 跳过浏览器 / browser skipped (--no-browser)'
    : !hasDisplay
      ? '没有图形显示，无法打开浏览器 / no display: cannot open a browser window here'
      : '未找到 Chromium / Chromium not found (apt-get install chromium)';
  console.log(`${why}
手动加载扩展 / to load the extension by hand:
  1. 打开 chrome://extensions ，开启“开发者模式” / open chrome://extensions and turn on Developer mode
  2. “加载已解压的扩展程序”，选择 / "Load unpacked", choose: ${extensionDir}
  3. 打开 / open: ${demoPage}
演示 API 正在运行，按 Ctrl-C 停止 / the demo API keeps running; Ctrl-C stops it.`);
} else {
  profileDir = mkdtempSync(join(tmpdir(), 'xinjian-demo-'));
  const browser = spawn(
    chromium,
    [
      `--user-data-dir=${profileDir}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      demoPage,
    ],
    { stdio: 'ignore' },
  );
  children.push(browser);
  browser.on('exit', () => {
    console.log(
      '浏览器已关闭，演示 API 继续运行（Ctrl-C 停止）/ browser closed; the API keeps running (Ctrl-C stops it)',
    );
  });
  console.log('已打开 Chromium / Chromium opened with the extension loaded. Ctrl-C 停止 / stops everything.');
}
