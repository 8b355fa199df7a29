/**
 * Places the synthetic subjects live in: real GB/T 2260 region codes, so the codes built from
 * them carry a genuine 登记管理机关行政区划码 and 地址码.
 */

/** A 市辖区 (county-level district) with its GB/T 2260 code. */
export interface District {
  code: string;
  name: string;
}

/** A city the demo data registers enterprises in. */
export interface City {
  id: string;
  /** 北京市 */
  name: string;
  /** 北京, used in company names */
  short: string;
  en: string;
  /** City-level region code (registrations by the 市 authority). */
  code: string;
  /** Province abbreviation used in case numbers and document numbers (京, 浙, 鄂 …). */
  abbr: string;
  /** A directly administered municipality names its districts without the city in between. */
  municipality: boolean;
  districts: readonly District[];
  housingFund: { zh: string; en: string; url: string };
}

/** The twelve cities of the default data set. */
export const CITIES: readonly City[] = [
  {
    id: 'beijing',
    name: '北京市',
    short: '北京',
    en: 'Beijing',
    code: '110000',
    abbr: '京',
    municipality: true,
    districts: [
      { code: '110108', name: '海淀区' },
      { code: '110105', name: '朝阳区' },
      { code: '110101', name: '东城区' },
    ],
    housingFund: {
      zh: '北京住房公积金管理中心',
      en: 'Beijing Housing Provident Fund Management Center',
      url: 'https://gjj.beijing.gov.cn/',
    },
  },
  {
    id: 'shanghai',
    name: '上海市',
    short: '上海',
    en: 'Shanghai',
    code: '310000',
    abbr: '沪',
    municipality: true,
    districts: [
      { code: '310115', name: '浦东新区' },
      { code: '310104', name: '徐汇区' },
    ],
    housingFund: {
      zh: '上海市公积金管理中心',
      en: 'Shanghai Provident Fund Management Center',
      url: 'https://www.shgjj.com/',
    },
  },
  {
    id: 'tianjin',
    name: '天津市',
    short: '天津',
    en: 'Tianjin',
    code: '120000',
    abbr: '津',
    municipality: true,
    districts: [
      { code: '120116', name: '滨海新区' },
      { code: '120101', name: '和平区' },
    ],
    housingFund: {
      zh: '天津市住房公积金管理中心',
      en: 'Tianjin Housing Provident Fund Management Center',
      url: 'https://zfgjj.tj.gov.cn/',
    },
  },
  {
    id: 'hangzhou',
    name: '杭州市',
    short: '杭州',
    en: 'Hangzhou',
    code: '330100',
    abbr: '浙',
    municipality: false,
    districts: [
      { code: '330106', name: '西湖区' },
      { code: '330110', name: '余杭区' },
      { code: '330108', name: '滨江区' },
    ],
    housingFund: {
      zh: '杭州住房公积金管理中心',
      en: 'Hangzhou Housing Provident Fund Management Center',
      url: 'https://gjj.hangzhou.gov.cn/',
    },
  },
  {
    id: 'wuhan',
    name: '武汉市',
    short: '武汉',
    en: 'Wuhan',
    code: '420100',
    abbr: '鄂',
    municipality: false,
    districts: [
      { code: '420103', name: '江汉区' },
      { code: '420111', name: '洪山区' },
      { code: '420106', name: '武昌区' },
    ],
    housingFund: {
      zh: '武汉住房公积金管理中心',
      en: 'Wuhan Housing Provident Fund Management Center',
      url: 'https://gjj.wuhan.gov.cn/',
    },
  },
  {
    id: 'changchun',
    name: '长春市',
    short: '长春',
    en: 'Changchun',
    code: '220100',
    abbr: '吉',
    municipality: false,
    districts: [
      { code: '220104', name: '朝阳区' },
      { code: '220102', name: '南关区' },
    ],
    housingFund: {
      zh: '长春市住房公积金管理中心',
      en: 'Changchun Housing Provident Fund Management Center',
      url: 'https://gjj.changchun.gov.cn/',
    },
  },
  {
    id: 'hohhot',
    name: '呼和浩特市',
    short: '呼和浩特',
    en: 'Hohhot',
    code: '150100',
    abbr: '内',
    municipality: false,
    districts: [
      { code: '150102', name: '新城区' },
      { code: '150105', name: '赛罕区' },
    ],
    housingFund: {
      zh: '呼和浩特市住房公积金管理中心',
      en: 'Hohhot Housing Provident Fund Management Center',
      url: 'https://gjj.huhhot.gov.cn/',
    },
  },
  {
    id: 'guangzhou',
    name: '广州市',
    short: '广州',
    en: 'Guangzhou',
    code: '440100',
    abbr: '粤',
    municipality: false,
    districts: [
      { code: '440106', name: '天河区' },
      { code: '440104', name: '越秀区' },
    ],
    housingFund: {
      zh: '广州住房公积金管理中心',
      en: 'Guangzhou Housing Provident Fund Management Center',
      url: 'https://gjj.gz.gov.cn/',
    },
  },
  {
    id: 'shenzhen',
    name: '深圳市',
    short: '深圳',
    en: 'Shenzhen',
    code: '440300',
    abbr: '粤',
    municipality: false,
    districts: [
      { code: '440305', name: '南山区' },
      { code: '440304', name: '福田区' },
    ],
    housingFund: {
      zh: '深圳市住房公积金管理中心',
      en: 'Shenzhen Housing Provident Fund Management Center',
      url: 'https://zjj.sz.gov.cn/',
    },
  },
  {
    id: 'chengdu',
    name: '成都市',
    short: '成都',
    en: 'Chengdu',
    code: '510100',
    abbr: '川',
    municipality: false,
    districts: [
      { code: '510107', name: '武侯区' },
      { code: '510104', name: '锦江区' },
    ],
    housingFund: {
      zh: '成都住房公积金管理中心',
      en: 'Chengdu Housing Provident Fund Management Center',
      url: 'https://cdzfgjj.chengdu.gov.cn/',
    },
  },
  {
    id: 'nanjing',
    name: '南京市',
    short: '南京',
    en: 'Nanjing',
    code: '320100',
    abbr: '苏',
    municipality: false,
    districts: [
      { code: '320106', name: '鼓楼区' },
      { code: '320102', name: '玄武区' },
    ],
    housingFund: {
      zh: '南京住房公积金管理中心',
      en: 'Nanjing Housing Provident Fund Management Center',
      url: 'https://gjj.nanjing.gov.cn/',
    },
  },
  {
    id: 'xian',
    name: '西安市',
    short: '西安',
    en: "Xi'an",
    code: '610100',
    abbr: '陕',
    municipality: false,
    districts: [
      { code: '610113', name: '雁塔区' },
      { code: '610112', name: '未央区' },
    ],
    housingFund: {
      zh: '西安住房公积金管理中心',
      en: "Xi'an Housing Provident Fund Management Center",
      url: 'https://zfgjj.xa.gov.cn/',
    },
  },
];

/** Extra 地址码 for where people were born (ID numbers), beyond the twelve cities. */
export const BIRTHPLACES: readonly District[] = [
  { code: '410105', name: '河南省郑州市金水区' },
  { code: '130102', name: '河北省石家庄市长安区' },
  { code: '530102', name: '云南省昆明市五华区' },
  { code: '441402', name: '广东省梅州市梅江区' },
  { code: '500103', name: '重庆市渝中区' },
  { code: '370102', name: '山东省济南市历下区' },
  { code: '430104', name: '湖南省长沙市岳麓区' },
  { code: '340104', name: '安徽省合肥市蜀山区' },
  { code: '360102', name: '江西省南昌市东湖区' },
  { code: '421102', name: '湖北省黄冈市黄州区' },
  { code: '411602', name: '河南省周口市川汇区' },
];

/**
 * The city with this id.
 *
 * @example
 * ```ts
 * cityById('wuhan').code; // '420100'
 * ```
 */
export function cityById(id: string): City {
  const city = CITIES.find((c) => c.id === id);
  if (city === undefined) throw new RangeError(`unknown city ${id}`);
  return city;
}

/**
 * The full region name of a district, as registration authorities write it.
 *
 * @example
 * ```ts
 * districtFullName(cityById('wuhan'), { code: '420103', name: '江汉区' }); // '武汉市江汉区'
 * ```
 */
export function districtFullName(city: City, district: District): string {
  return `${city.name}${district.name}`;
}

/**
 * The 人民法院 of a district and its code for case numbers, e.g. `（2025）京0108执1234号`.
 *
 * @example
 * ```ts
 * districtCourt(cityById('beijing'), { code: '110108', name: '海淀区' });
 * // { name: '北京市海淀区人民法院', code: '京0108' }
 * ```
 */
export function districtCourt(city: City, district: District): { name: string; code: string } {
  return { name: `${city.name}${district.name}人民法院`, code: `${city.abbr}${district.code.slice(2)}` };
}
