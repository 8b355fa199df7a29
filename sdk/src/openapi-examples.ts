/**
 * One example request and answer per operation of `openapi.json`, taken from the mock server's
 * seed data (the demo subject 北京市东城区澜丰信息技术有限公司) and trimmed. `buildOpenApiDocument`
 * parses each with its operation's zod schema, so an example cannot drift from the contract. The
 * signatures show the shape only: the trimmed bodies no longer match them.
 */

/** @internal Examples by `operationId`: the JSON request body (if any) and the success answer. */
export const OPERATION_EXAMPLES: Record<string, { request?: unknown; response: unknown }> = {
  listProducts: {
    response: {
      data: [
        {
          id: 'creditchina_public_report',
          name: {
            zh: '公共信用信息报告（信用中国）',
            en: 'Public credit information report (Credit China)',
          },
          description: {
            zh: '按《公共信用信息报告标准（2022年版）》出具的事实记录：行政许可与行政处罚、严重失信主体名单、经营异常名录、守信激励、信用承诺与司法判决。不含评分或等级。',
            en: 'A factual record under the Public Credit Information Report Standard (2022): licences and penalties, serious-dishonesty lists, abnormal operations, red lists, commitments and judgments. No score or grade.',
          },
          provider: {
            id: 'creditchina',
            name: {
              zh: '信用中国（国家公共信用信息中心）',
              en: 'Credit China (National Public Credit Information Center)',
            },
            kind: 'public_platform',
            filingNo: null,
          },
          subjectType: 'enterprise',
          recordCategories: [
            'administrative_license',
            'administrative_penalty',
            'dishonest_judgment_debtor',
            'major_tax_violation',
            'abnormal_operation',
            'serious_illegal_dishonest',
            'tax_credit',
            'contract_performance',
            'environmental',
            'work_safety',
          ],
          ratingScales: [],
          priceCredits: 0,
          freshness: {
            updateFrequency: 'daily',
            maxAgeDays: 7,
          },
          requiresAuthorization: false,
          domains: [
            'government_procurement',
            'tendering',
            'government_investment',
            'market_supervision',
            'public_service',
          ],
        },
      ],
      nextCursor: 'eyJ2IjoxLCJvIjoxLCJkIjoiZ292ZXJubWVudF9wcm9jdXJlbWVudCIsInMiOm51bGx9',
    },
  },
  retrieveProduct: {
    response: {
      id: 'creditchina_public_report',
      name: {
        zh: '公共信用信息报告（信用中国）',
        en: 'Public credit information report (Credit China)',
      },
      description: {
        zh: '按《公共信用信息报告标准（2022年版）》出具的事实记录：行政许可与行政处罚、严重失信主体名单、经营异常名录、守信激励、信用承诺与司法判决。不含评分或等级。',
        en: 'A factual record under the Public Credit Information Report Standard (2022): licences and penalties, serious-dishonesty lists, abnormal operations, red lists, commitments and judgments. No score or grade.',
      },
      provider: {
        id: 'creditchina',
        name: {
          zh: '信用中国（国家公共信用信息中心）',
          en: 'Credit China (National Public Credit Information Center)',
        },
        kind: 'public_platform',
        filingNo: null,
      },
      subjectType: 'enterprise',
      recordCategories: [
        'administrative_license',
        'administrative_penalty',
        'dishonest_judgment_debtor',
        'major_tax_violation',
        'abnormal_operation',
        'serious_illegal_dishonest',
        'tax_credit',
        'contract_performance',
        'environmental',
        'work_safety',
      ],
      ratingScales: [],
      priceCredits: 0,
      freshness: {
        updateFrequency: 'daily',
        maxAgeDays: 7,
      },
      requiresAuthorization: false,
      domains: [
        'government_procurement',
        'tendering',
        'government_investment',
        'market_supervision',
        'public_service',
      ],
    },
  },
  listDomains: {
    response: {
      data: [
        {
          id: 'government_procurement',
          name: {
            zh: '政府采购',
            en: 'Government procurement',
          },
          description: {
            zh: '采购人、采购代理机构在截止时点查询供应商信用记录，对列入失信被执行人、重大税收违法失信主体、政府采购严重违法失信行为记录名单的供应商拒绝其参与；近三年有重大违法记录的同样不符合第二十二条。',
            en: 'Buyers check suppliers at the document’s cut-off time and reject anyone on the three lists or with a major violation in the past three years.',
          },
          requiredProducts: ['gp_credit_screening', 'creditchina_public_report'],
          recommendedProducts: ['tax_credit_grade', 'enterprise_credit_report', 'gsxt_disclosure_report'],
          policyBasis: [
            {
              documentNo: '京经信委发〔2010〕44号',
              title: '北京市社会信用体系建设文件：在政府投资、市场监管、公共服务中使用信用产品，发布应用目录',
              article: '七（二）',
              issuer: '北京市经济和信息化委员会',
              effectiveFrom: null,
            },
            {
              documentNo: '财库〔2016〕125号',
              title: '财政部关于在政府采购活动中查询及使用信用记录有关问题的通知',
              article: null,
              issuer: '财政部',
              effectiveFrom: null,
            },
            {
              documentNo: '中华人民共和国政府采购法',
              title: '中华人民共和国政府采购法（供应商条件）',
              article: '第二十二条',
              issuer: '全国人民代表大会常务委员会',
              effectiveFrom: '2003-01-01',
            },
            {
              documentNo: '国务院令第658号',
              title: '中华人民共和国政府采购法实施条例（重大违法记录）',
              article: '第十九条',
              issuer: '国务院',
              effectiveFrom: '2015-03-01',
            },
            {
              documentNo: '财库〔2022〕3号',
              title:
                '关于《中华人民共和国政府采购法实施条例》第十九条第一款“较大数额罚款”具体适用问题的意见（200万元以上）',
              article: null,
              issuer: '财政部',
              effectiveFrom: '2022-02-08',
            },
          ],
        },
      ],
    },
  },
  searchSubjects: {
    request: {
      q: '北京市东城区澜丰信息技术有限公司',
      limit: 1,
    },
    response: {
      data: [
        {
          subject: {
            id: 'ent-0001',
            name: '北京市东城区澜丰信息技术有限公司',
            uscc: '91110000561976492Q',
            orgCode: '56197649-2',
            regNo: '110000154786491',
            region: {
              code: '110000',
              name: '北京市',
            },
            establishedAt: '2010-01-19',
            status: 'active',
          },
          confidence: 0.95,
          matchType: 'exact_name',
          sameNameCount: 0,
        },
      ],
      ambiguous: false,
    },
  },
  searchSubjectsByQuery: {
    response: {
      data: [
        {
          subject: {
            id: 'ent-0001',
            name: '北京市东城区澜丰信息技术有限公司',
            uscc: '91110000561976492Q',
            orgCode: '56197649-2',
            regNo: '110000154786491',
            region: {
              code: '110000',
              name: '北京市',
            },
            establishedAt: '2010-01-19',
            status: 'active',
          },
          confidence: 0.95,
          matchType: 'exact_name',
          sameNameCount: 0,
        },
      ],
      ambiguous: false,
    },
  },
  batchRatings: {
    request: {
      ids: ['91110000561976492Q', '91110000600037341N'],
    },
    response: {
      data: [
        {
          id: '91110000561976492Q',
          status: 'found',
          summary: {
            subject: {
              id: 'ent-0001',
              name: '北京市东城区澜丰信息技术有限公司',
              uscc: '91110000561976492Q',
              orgCode: '56197649-2',
              regNo: '110000154786491',
              region: {
                code: '110000',
                name: '北京市',
              },
              establishedAt: '2010-01-19',
              status: 'active',
            },
            grades: [
              {
                scale: 'tax_credit',
                value: 'A',
                year: 2025,
                issuer: {
                  name: {
                    zh: '国家税务总局北京市税务局',
                    en: 'Beijing Tax Service, State Taxation Administration',
                  },
                  kind: 'authority',
                  filingNo: null,
                },
                ratedAt: '2026-04-15',
                validUntil: null,
              },
              {
                scale: 'pboc_long_term',
                value: 'AAA',
                issuer: {
                  name: {
                    zh: '北方联合信用评级有限公司',
                    en: 'Northern United Credit Rating Co., Ltd.',
                  },
                  kind: 'rating_agency',
                  filingNo: '银评备〔2018〕第031号',
                },
                ratedAt: '2026-07-22',
                validUntil: '2027-07-22',
              },
            ],
            taxCredit: [
              {
                year: 2025,
                grade: 'A',
              },
              {
                year: 2024,
                grade: 'A',
              },
            ],
            lists: [
              {
                list: 'contract_abiding',
                kind: 'red',
                since: '2025-06-18',
                until: null,
                active: true,
              },
              {
                list: 'tax_a_grade',
                kind: 'red',
                since: '2026-04-15',
                until: null,
                active: true,
              },
            ],
            records: [],
            sources: [
              {
                channel: 'creditchina',
                status: 'ok',
                fetchedAt: '2026-10-28T11:52:14+08:00',
              },
              {
                channel: 'gsxt',
                status: 'ok',
                fetchedAt: '2026-10-26T17:07:58+08:00',
              },
              {
                channel: 'zxgk',
                status: 'ok',
                fetchedAt: '2026-10-31T14:37:27+08:00',
              },
            ],
            lastUpdated: '2026-10-31T14:37:27+08:00',
            signature: {
              alg: 'Ed25519',
              kid: 'xj-mock-2026-1',
              type: 'rating_summary',
              signedAt: '2026-11-02T09:30:00.000Z',
              value: '7nDiJnjgA5CGpaUXS62Vc01QYzqQkkUebbINRwsDsr02b2kAl-D3_8bXOriEe-iPfumvCRB95n9F_CwIDgebAg',
            },
          },
        },
        {
          id: '91110000600037341N',
          status: 'invalid_identifier',
          message: '校验位不符：应为 L，实为 N（check character mismatch: expected L, got N）',
          expectedCheckChar: 'L',
        },
      ],
    },
  },
  orderReport: {
    request: {
      productId: 'creditchina_public_report',
      subjectId: '91110000561976492Q',
      purpose: 'government_procurement',
    },
    response: {
      id: 'rpt_000001',
      productId: 'creditchina_public_report',
      purpose: 'government_procurement',
      createdAt: '2026-11-02T09:30:00.000Z',
      subjectRef: '91110000561976492Q',
      status: 'pending',
    },
  },
  retrieveReport: {
    response: {
      id: 'rpt_000001',
      productId: 'creditchina_public_report',
      purpose: 'government_procurement',
      createdAt: '2026-11-02T09:30:00.000Z',
      subjectRef: '91110000561976492Q',
      status: 'ready',
      readyAt: '2026-11-02T09:30:02.000Z',
      content: {
        subjectType: 'enterprise',
        subject: {
          id: 'ent-0001',
          name: '北京市东城区澜丰信息技术有限公司',
          uscc: '91110000561976492Q',
          orgCode: '56197649-2',
          regNo: '110000154786491',
          region: {
            code: '110000',
            name: '北京市',
          },
          establishedAt: '2010-01-19',
          status: 'active',
        },
        grades: [],
        lists: [
          {
            list: 'contract_abiding',
            kind: 'red',
            since: '2025-06-18',
            until: null,
            active: true,
          },
          {
            list: 'tax_a_grade',
            kind: 'red',
            since: '2026-04-15',
            until: null,
            active: true,
          },
        ],
        records: [
          {
            id: 'ent-0001-r03',
            source: {
              channel: 'chinatax',
              url: 'https://hd.chinatax.gov.cn/nszx/InitCredit.html?nsrsbh=91110000561976492Q',
              fetchedAt: '2026-10-30T15:54:42+08:00',
            },
            category: 'tax_credit',
            year: 2025,
            grade: 'A',
          },
          {
            id: 'ent-0001-r04',
            source: {
              channel: 'creditchina',
              url: 'https://www.creditchina.gov.cn/xinyongxinxixiangqing/xyDetail.html?searchState=1&entityType=1&keyword=91110000561976492Q',
              fetchedAt: '2026-10-28T11:52:14+08:00',
            },
            category: 'administrative_license',
            title: '信息系统建设和服务能力等级证书备案',
            authority: '北京市东城区市场监督管理局',
            documentNo: '京东许〔2021〕1092号',
            date: '2021-01-03',
            validUntil: null,
          },
        ],
        sources: [
          {
            channel: 'creditchina',
            status: 'ok',
            fetchedAt: '2026-10-28T11:52:14+08:00',
          },
          {
            channel: 'gsxt',
            status: 'ok',
            fetchedAt: '2026-10-26T17:07:58+08:00',
          },
          {
            channel: 'zxgk',
            status: 'ok',
            fetchedAt: '2026-10-31T14:37:27+08:00',
          },
        ],
        generatedAt: '2026-12-03T06:29:34.838Z',
      },
      signature: {
        alg: 'Ed25519',
        kid: 'xj-mock-2026-1',
        type: 'report',
        signedAt: '2026-11-02T09:30:02.000Z',
        value: 'rQqF2stHPaxMgNuaPispVwAuG6wEPc5qDR_duGdRCAOnp0IO13f_xLnF56Dfwud9havQLTlv5trHN5mu7WK7AA',
      },
    },
  },
  retrieveAccount: {
    response: {
      id: 'acct_demo',
      name: '信鉴演示账户',
      credits: {
        remaining: 100000,
        monthlyAllowance: 100000,
      },
      rateLimit: {
        limit: 600,
        remaining: 599,
        windowSeconds: 60,
        resetAt: '2026-11-02T09:31:00.000Z',
      },
      entitledProducts: ['creditchina_public_report', 'gsxt_disclosure_report', 'enterprise_credit_report'],
    },
  },
  listSigningKeys: {
    response: {
      keys: [
        {
          kty: 'OKP',
          crv: 'Ed25519',
          kid: 'xj-mock-2026-1',
          x: '0dwh5KYO36UUWLXYG23grpWdKk31P2wdk5eRPFNsZoQ',
          use: 'sig',
          alg: 'EdDSA',
        },
      ],
    },
  },
};
