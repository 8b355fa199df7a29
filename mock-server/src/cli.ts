/**
 * `npm run mock -- --port 8787 [--host 127.0.0.1] [--latency ms] [--report-delay ms]`:
 * runs the mock API until Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { DEMO_API_KEY } from '../../seeds/schema.ts';
import { startMockServer } from './http.ts';
import { DEMO_PAGES } from './pages.ts';

const USAGE = `用法 / usage: xinjian-mock [--port 8787] [--host 127.0.0.1] [--latency ms] [--report-delay ms]`;

function nonNegativeInt(
  name: string,
  raw: string | undefined,
  fallback: number | undefined,
): number | undefined {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) {
    console.error(`--${name} 须为非负整数 / must be a non-negative integer: ${raw}\n${USAGE}`);
    process.exit(2);
  }
  return Number(raw);
}

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      latency: { type: 'string' },
      'report-delay': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);
const port = nonNegativeInt('port', str(values.port), 8787) ?? 8787;
const latencyMs = nonNegativeInt('latency', str(values.latency), undefined);
const reportDelayMs = nonNegativeInt('report-delay', str(values['report-delay']), undefined);

const server = await startMockServer({
  port,
  host: str(values.host) ?? '127.0.0.1',
  ...(latencyMs === undefined ? {} : { latencyMs }),
  ...(reportDelayMs === undefined ? {} : { reportDelayMs }),
});

console.log(`信鉴 Xinjian 模拟服务器 / mock server: ${server.url}
  API:       ${server.url}/v1
  演示密钥 / demo key: ${DEMO_API_KEY}
  OpenAPI:   ${server.url}/openapi.json
  演示页面 / demo pages:
${DEMO_PAGES.map((p) => `    ${server.url}${p.path}  ${p.zh} / ${p.en}`).join('\n')}
  管理 / admin: ${server.url}/__mock/journal, /__mock/reset, /__mock/config, /__mock/clock
  latency ${server.state.config.latencyMs} ms, report delay ${server.state.config.reportDelayMs} ms
按 Ctrl-C 退出 / press Ctrl-C to stop.`);

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  console.log(`\n${signal}: 正在关闭 / closing…`);
  await server.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
