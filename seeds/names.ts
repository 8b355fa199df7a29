/**
 * Realistic but synthetic names. Company 字号 are built from two less common characters so a
 * generated name is unlikely to be a real company's, which matters because the data gives
 * some of them bad records.
 */
import type { City, District } from './places.ts';
import type { Rng } from './prng.ts';

const ZIHAO_FIRST = Array.from('澄沐翎珀岚朔霁栖砚璟曜篁溯峤泓弈骁澜珩屹琮璞邃昶翊榕桉蔚湛岫');
const ZIHAO_SECOND = Array.from('衡禾川屿朗泽辰拓晟钧岳诚源弘启卓嘉宸瀚峰越和丰瑞');

/** What a company does; decides which records and grades it gets. */
export type Sector =
  | 'tech'
  | 'construction'
  | 'highway'
  | 'design'
  | 'manufacturing'
  | 'trade'
  | 'service'
  | 'environment';

/** Industry words of a company name (行业表述) and the sector behind each. */
export const INDUSTRIES: readonly (readonly [string, Sector])[] = [
  ['科技', 'tech'],
  ['信息技术', 'tech'],
  ['网络科技', 'tech'],
  ['软件', 'tech'],
  ['智能科技', 'tech'],
  ['数据科技', 'tech'],
  ['建设工程', 'construction'],
  ['建筑工程', 'construction'],
  ['市政工程', 'construction'],
  ['建设', 'construction'],
  ['电力工程', 'construction'],
  ['园林绿化工程', 'construction'],
  ['装饰工程', 'construction'],
  ['路桥工程', 'highway'],
  ['交通建设', 'highway'],
  ['公路工程', 'highway'],
  ['工程咨询', 'design'],
  ['建筑设计', 'design'],
  ['工程监理', 'design'],
  ['医疗器械', 'manufacturing'],
  ['电子', 'manufacturing'],
  ['机械设备', 'manufacturing'],
  ['新材料', 'manufacturing'],
  ['食品', 'manufacturing'],
  ['物业管理', 'service'],
  ['商贸', 'trade'],
  ['进出口', 'trade'],
  ['供应链管理', 'trade'],
  ['环保科技', 'environment'],
  ['环境工程', 'environment'],
];

/**
 * A two-character 字号 such as 霁衡.
 *
 * @example
 * ```ts
 * zihao(createRng(1)); // e.g. '栖禾'
 * ```
 */
export function zihao(rng: Rng): string {
  return rng.pick(ZIHAO_FIRST) + rng.pick(ZIHAO_SECOND);
}

/**
 * A company (企业) name in one of the usual layouts: 杭州霁衡建设工程有限公司,
 * 北京市海淀区栖禾科技有限公司, 霁衡（武汉）工程咨询有限公司, or, with `regionless`, no place
 * at all (霁衡建设集团有限公司), which is how two regions end up with the same name.
 *
 * @example
 * ```ts
 * companyName(rng, { zihao: '霁衡', industry: '建设', city, district, layout: 'short' });
 * // '杭州霁衡建设有限公司' (or 集团有限公司 …)
 * ```
 */
export function companyName(
  rng: Rng,
  parts: {
    zihao: string;
    industry: string;
    city: City;
    district: District;
    layout?: 'short' | 'district' | 'bracket' | 'regionless';
  },
): string {
  const big = parts.industry === '建设' || parts.industry.endsWith('工程');
  const form = rng.weighted<string>([
    ['有限公司', 70],
    ['股份有限公司', 10],
    ['有限责任公司', 8],
    [big ? '集团有限公司' : '有限公司', 12],
  ]);
  const layout =
    parts.layout ??
    rng.weighted<'short' | 'district' | 'bracket' | 'regionless'>([
      ['short', 50],
      ['district', 18],
      ['bracket', 20],
      ['regionless', 12],
    ]);
  switch (layout) {
    case 'short':
      return `${parts.city.short}${parts.zihao}${parts.industry}${form}`;
    case 'district':
      return `${parts.city.name}${parts.district.name}${parts.zihao}${parts.industry}${form}`;
    case 'bracket':
      return `${parts.zihao}（${parts.city.short}）${parts.industry}${form}`;
    case 'regionless':
      return `${parts.zihao}${parts.industry}${form}`;
  }
}

const SHOPS = [
  '便利店',
  '建材经营部',
  '五金店',
  '电脑服务部',
  '图文设计工作室',
  '办公用品商行',
  '家电维修部',
];
const PUBLIC_UNITS = ['工程造价咨询中心', '建设工程质量检测中心', '城市规划信息中心', '政务数据服务中心'];
const NON_PROFITS = ['职业技能培训学校', '社会工作服务中心', '养老服务中心', '青少年科技教育中心'];

/**
 * A 个体工商户 (USCC 92) name.
 *
 * @example
 * ```ts
 * soleTraderName(rng, '霁衡', city, district); // '武汉市洪山区霁衡建材经营部'
 * ```
 */
export function soleTraderName(rng: Rng, zh: string, city: City, district: District): string {
  return `${city.name}${district.name}${zh}${rng.pick(SHOPS)}`;
}

/**
 * A 事业单位 (USCC 12) name.
 *
 * @example
 * ```ts
 * publicInstitutionName(rng, '霁衡', city, district); // '杭州市西湖区霁衡工程造价咨询中心'
 * ```
 */
export function publicInstitutionName(rng: Rng, zh: string, city: City, district: District): string {
  return `${city.name}${district.name}${zh}${rng.pick(PUBLIC_UNITS)}`;
}

/**
 * A 民办非企业单位 (USCC 52) name.
 *
 * @example
 * ```ts
 * nonProfitName(rng, '霁衡', city); // '杭州霁衡职业技能培训学校'
 * ```
 */
export function nonProfitName(rng: Rng, zh: string, city: City): string {
  return `${city.short}${zh}${rng.pick(NON_PROFITS)}`;
}

const SURNAMES = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛段雷龙黎史陶贺毛郝顾龚邵万武钱戴严',
);
const MALE = Array.from('伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林阳建志海国文斌峰东亮');
const FEMALE = Array.from('芳娜敏静丽艳娟霞英玲婷雪慧颖琳晶倩洁萍红燕丹璐欣怡佳悦梦雨秀兰琴');

/**
 * A Chinese personal name (surname plus one or two given-name characters).
 *
 * @example
 * ```ts
 * personName(rng, 'female'); // e.g. '陈雨婷'
 * ```
 */
export function personName(rng: Rng, sex: 'male' | 'female'): string {
  const pool = sex === 'male' ? MALE : FEMALE;
  const surname = rng.chance(0.01) ? rng.pick(['欧阳', '司马', '上官']) : rng.pick(SURNAMES);
  const given = rng.chance(0.3) ? rng.pick(pool) : rng.pick(pool) + rng.pick(pool);
  return surname + given;
}
