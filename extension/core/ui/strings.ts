/**
 * The strings of the extension's own pages that no content script shows: the welcome page, the
 * connection test's reasons, the service banner and the progress line. Kept out of the core
 * dictionary so the page bundles (the loan script has a size budget) do not carry them;
 * importing this module adds them under `ui.`.
 */
import { addStrings } from '../i18n.ts';

const zh = {
  'connect.no_url': '尚未填写 API 地址，请填写信用服务的网址（如 https://api.example.cn）。',
  'connect.no_key': '尚未填写 API 密钥，请填写信用服务发给贵单位的密钥。',
  'connect.unconfigured': '尚未配置 API 地址或密钥：请在设置或欢迎页填写后再查询。',
  'connect.refused_url': 'API 地址不可用：除本机外须使用 https://。',
  'welcome.title': '欢迎使用信鉴',
  'welcome.intro': '三步即可开始：连接信用服务，填写经办人，启用第一个站点。',
  'welcome.step_api': '第一步：连接信用服务',
  'welcome.step_operator': '第二步：经办人',
  'welcome.operator_hint': '打印的核查记录上注明的经办人姓名。',
  'welcome.step_site': '第三步：启用第一个站点',
  'welcome.site_hint': '填写要核查的网站，例如公共资源交易平台；浏览器会请求访问该站点的权限。',
  'welcome.site_enable': '启用该站点',
  'welcome.site_enabled': '已启用：{pattern}（{mode}）',
  'welcome.save': '保存',
  'welcome.saved': '已保存。',
  'welcome.demo': '试用演示页面',
  'welcome.demo_hint': '本构建连接本机模拟服务，可直接打开演示开标记录。',
  'welcome.done': '完成后，在网页上点击工具栏的信鉴图标即可查看本页核查结果。',
  'welcome.options': '全部设置',
  'service.unconfigured': '尚未配置 API 地址或密钥，本页无法核查。',
  'service.rejected': 'API 密钥被拒绝（无效或已吊销），本页无法核查。',
  'service.unreachable': '无法连接信用服务，本页暂未能核查；恢复后将自动重试。',
  'service.fix': '打开设置',
  'service.affected': '{n} 个主体受影响',
  'progress.label': '已返回 {done}/{total}',
} as const;

type UiMessageKey = keyof typeof zh;

const en: Record<UiMessageKey, string> = {
  'connect.no_url': 'No API address yet: enter the credit service address (e.g. https://api.example.cn).',
  'connect.no_key': 'No API key yet: enter the key the credit service issued to your organisation.',
  'connect.refused_url': 'The API address cannot be used: anything but this computer needs https://.',
  'welcome.title': 'Welcome to Xinjian',
  'welcome.step_api': 'Step 1: connect to the credit service',
  'welcome.step_operator': 'Step 2: operator',
  'welcome.operator_hint': 'The name printed on evidence records as the person who ran the checks.',
  'welcome.step_site': 'Step 3: enable a first site',
  'welcome.site_enable': 'Enable this site',
  'welcome.site_enabled': 'Enabled: {pattern} ({mode})',
  'welcome.save': 'Save',
  'welcome.saved': 'Saved.',
  'welcome.demo': 'Try the demo page',
  'welcome.done': 'Then click the Xinjian icon in the toolbar on a page to see its checks.',
  'welcome.options': 'All settings',
  'service.unconfigured': 'The API address or key is not set: nothing on this page can be checked.',
  'service.rejected': 'The API key was rejected (invalid or revoked): nothing on this page can be checked.',
  'service.unreachable':
    'The credit service cannot be reached: this page is not checked yet; it retries when the service is back.',
  'service.fix': 'Open settings',
  'service.affected': '{n} subjects affected',
  'progress.label': '{done}/{total} answered',
  'connect.unconfigured':
    'The API address or key is not set: fill them in on the welcome page or in the settings, then look up again.',
  'welcome.intro':
    'Three steps to start: connect to the credit service, name the operator, enable a first site.',
  'welcome.site_hint':
    'Enter the site to check, such as a public resource trading platform; the browser asks for access to it.',
  'welcome.demo_hint':
    'This build talks to the local mock service; the demo bid-opening record works right away.',
};

addStrings('ui', zh, en);

declare module '../i18n.ts' {
  interface ModeMessages extends Record<`ui.${UiMessageKey}`, true> {}
}
