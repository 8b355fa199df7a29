import { describe, expect, it } from 'vitest';
import {
  CODE_HEADER,
  CONSORTIUM_MARKER,
  FACTS,
  LEADER_MARKER,
  LOAN_COMPANY_LABELS,
  NAME_BEFORE_CODE_LEAD,
  NAME_HEADER,
  NOT_NAME_HEADER,
  POSITION_LABEL,
  roleOfPosition,
} from './heuristics.ts';
import { orgName, orgNameBefore, orgNameIn, roleFromText } from './names.ts';
import { isHeaderRow } from './table.ts';

const nameColumn = (label: string) => NAME_HEADER.test(label) && !NOT_NAME_HEADER.test(label);

describe('name endings', () => {
  it.each([
    ['栖禾建设工程有限公司', '栖禾建设工程有限公司'],
    ['沐嘉（长春）建筑工程股份有限公司', '沐嘉（长春）建筑工程股份有限公司'],
    ['西安澜泽社会工作服务中心', '西安澜泽社会工作服务中心'],
    ['西安市未央区璞屿电脑服务部', '西安市未央区璞屿电脑服务部'],
    ['某县农民专业合作社', '某县农民专业合作社'],
    ['杭州某某有限公司（杭州分公司）', '杭州某某有限公司（杭州分公司）'],
  ])('reads %s as a company', (text, name) => {
    expect(orgName(text)).toBe(name);
  });

  it.each([
    '原公告中误录的统一社',
    '统一社',
    '张伟',
    '有限公司',
    '采购人信息',
    '本项目采购人为某某公司',
    '甲公司与乙公司组成的联合体',
    '某社',
  ])('does not read %s as a company', (text) => {
    expect(orgName(text)).toBeNull();
  });

  it('finds the company in a cell with a remark', () => {
    expect(orgNameIn('杭州泓诚电子有限公司 （已递交）')).toBe('杭州泓诚电子有限公司');
  });

  it.each([
    ['第一中标候选人为杭州泓诚电子有限公司（统一社会信用代码：', '杭州泓诚电子有限公司'],
    ['成交供应商是武汉峤弘建设工程有限公司（', '武汉峤弘建设工程有限公司'],
    ['联合体牵头人杭州朔晟建设工程有限责任公司（', '杭州朔晟建设工程有限责任公司'],
    ['地址：杭州市，投标人昶川建筑设计有限责任公司', '昶川建筑设计有限责任公司'],
  ])('reads the company named right before a code in %s', (clause, name) => {
    expect(orgNameBefore(clause)).toBe(name);
    expect(NAME_BEFORE_CODE_LEAD.test(clause)).toBe(true);
  });
});

describe('header labels', () => {
  it.each(['投标人名称', '供应商名称', '投标单位', '单位名称', '中标候选人', '申请人', '成交供应商'])(
    '%s is a name column',
    (label) => expect(nameColumn(label)).toBe(true),
  );
  it.each([
    '项目负责人',
    '法定代表人',
    '联系人',
    '供应商地址',
    '投标报价',
    '采购人名称',
    '证书编号',
    '联合体角色',
  ])('%s is not a name column', (label) => expect(nameColumn(label)).toBe(false));
  it.each(['统一社会信用代码', '组织机构代码', '营业执照注册号'])('%s is a code column', (label) =>
    expect(CODE_HEADER.test(label)).toBe(true),
  );
  it('tells a header row from a record row', () => {
    expect(isHeaderRow(['序号', '投标人名称', '投标报价（元）', '工期'])).toBe(true);
    expect(isHeaderRow(['技术分', '商务分', '价格分'])).toBe(true);
    expect(isHeaderRow(['中标人名称', '杭州泓诚电子有限公司'])).toBe(false);
    expect(isHeaderRow(['项目编号', 'E3301060012026000118001'])).toBe(false);
    expect(isHeaderRow(['开标一览表'])).toBe(false);
  });
});

describe('bidder positions in prose', () => {
  const position = (text: string) => {
    POSITION_LABEL.lastIndex = 0;
    const m = POSITION_LABEL.exec(text);
    return m ? roleOfPosition(m.groups ?? {}) : null;
  };
  it.each([
    ['中标供应商：', 'winner'],
    ['成交供应商：', 'winner'],
    ['中标人：', 'winner'],
    ['中标（成交）供应商名称：', 'winner'],
    ['第一中标候选人：', 'candidate'],
    ['推荐的中标候选人为', 'candidate'],
    ['评审排名第二的供应商：', 'candidate'],
    ['供应商：', 'bidder'],
    ['投标人名称：', 'bidder'],
    ['申请人：', 'bidder'],
  ])('%s puts a name in the %s position', (text, role) => {
    expect(position(text)).toBe(role);
  });
  it.each(['采购人：', '招标人：', '联系人：', '代理机构：', '申请人的资格要求：'])(
    '%s is not a bidder position',
    (text) => {
      expect(position(text)).toBeNull();
    },
  );
  it('reads the role a label gives', () => {
    expect(roleFromText('第二中标候选人为', 'mention')).toBe('candidate');
    expect(roleFromText('三、中标（成交）信息', 'bidder')).toBe('winner');
  });
});

describe('consortia, facts and loan companies', () => {
  it('knows the consortium and leader markers', () => {
    expect(CONSORTIUM_MARKER.test('联合体成员：')).toBe(true);
    expect(LEADER_MARKER.test('（牵头人）')).toBe(true);
    expect(LEADER_MARKER.test('成员')).toBe(false);
  });
  it('labels every fact', () => {
    const factOf = (label: string) => FACTS.find((f) => f.label.test(label))?.fact ?? null;
    expect(factOf('项目编号')).toBe('projectNumber');
    expect(factOf('招标项目编号')).toBe('projectNumber');
    expect(factOf('标段（包）编号')).toBe('lot');
    expect(factOf('投标截止时间')).toBe('deadline');
    expect(factOf('开标时间')).toBe('openingTime');
    expect(factOf('采购人')).toBe('buyer');
    expect(factOf('采购代理机构')).toBeNull();
  });
  it('names the part of each loan-page company', () => {
    const partOf = (label: string) => LOAN_COMPANY_LABELS.find((l) => l.pattern.test(label))?.part ?? null;
    expect(partOf('售房单位')).toBe('developer');
    expect(partOf('保证人')).toBe('guarantor');
    expect(partOf('工作单位')).toBe('employer');
    expect(partOf('借款人姓名')).toBeNull();
  });
});
