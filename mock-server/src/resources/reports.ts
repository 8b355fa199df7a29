/**
 * `POST /v1/reports` (idempotent orders: 202 when new, replay with `Idempotent-Replayed`, 409 for
 * another body under the same key) and `GET /v1/reports/{id}` (pending until ready; `failed`
 * for the `magic:report-failed` subject).
 */

import { maskIdCard, Report, ReportOrder, todayInChina } from '@xinjian/sdk';
import { http } from 'msw';
import type { KeySeed } from '../../../seeds/schema.ts';
import { classifyIdentifier, enterpriseContent, findEnterprise, individualContent } from '../catalog.ts';
import { badRequest, canonical, fail, parseJsonBody, type ResourceHandlers, type Route } from '../context.ts';
import { REPORT_FAILED_TAG } from '../faults.ts';
import { jsonWith, zodIssues } from '../responses.ts';
import type { StoredReport } from '../state.ts';

const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

export const reportHandlers: ResourceHandlers = ({ catalog, state, at, v1, magic, sign }) => {
  function renderReport(r: StoredReport): Report {
    const base = {
      id: r.id,
      productId: r.product.id,
      purpose: r.purpose as Report['purpose'],
      createdAt: new Date(r.createdAt).toISOString(),
      subjectRef: r.subjectRef,
    };
    // Readiness is computed from the clock on every read: no timers to leak or to flush.
    if (state.now().getTime() < r.readyAt) return { ...base, status: 'pending' };
    const readyAt = new Date(r.readyAt);
    if (r.subject.kind === 'enterprise' && r.subject.seed.tags.includes(REPORT_FAILED_TAG)) {
      // The failure a real provider gives when its source cannot be read: no content, no charge back.
      return {
        ...base,
        status: 'failed',
        failedAt: readyAt.toISOString(),
        failure: {
          code: 'source_unavailable',
          message:
            '数据源暂不可用，报告未能生成 / the data source is unavailable, the report could not be produced',
        },
      };
    }
    return {
      ...base,
      status: 'ready',
      readyAt: readyAt.toISOString(),
      content:
        r.subject.kind === 'enterprise'
          ? enterpriseContent(r.subject.seed, r.product, readyAt)
          : individualContent(r.subject.seed, r.product, readyAt),
    };
  }

  // A ready report is signed as of its readiness, so every read returns the same signature.
  async function signedReport(r: StoredReport): Promise<Report> {
    const report = Report.parse(renderReport(r));
    return report.status === 'ready' ? sign(report, 'report', report.readyAt) : report;
  }

  const orderReport: Route<unknown> = async (ctx) => {
    const key = ctx.key as KeySeed;
    const idempotencyKey = ctx.request.headers.get('idempotency-key');
    if (
      idempotencyKey === null ||
      idempotencyKey.trim() === '' ||
      idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH
    ) {
      return badRequest(
        ctx,
        [
          {
            path: 'header.Idempotency-Key',
            message: 'required: one key (1–255 characters) per logical order',
          },
        ],
        {
          zh: '报告订单必须带 Idempotency-Key 请求头（每个订单一个，重试时复用）',
          en: 'a report order needs an Idempotency-Key header (one per order, reused on retries)',
        },
      );
    }
    const json = parseJsonBody(ctx);
    if (!json.ok) return json.response;
    const parsed = ReportOrder.safeParse(json.value);
    if (!parsed.success) return badRequest(ctx, zodIssues(parsed.error, 'body'));
    const order = parsed.data;
    const now = state.now();
    const classified = classifyIdentifier(order.subjectId, now);
    const enterprise = findEnterprise(catalog, classified);

    return magic(ctx, enterprise === undefined ? [] : [enterprise], async () => {
      const fingerprint = canonical(order);
      const slot = `${key.key}\n${idempotencyKey}`;
      const previous = state.orders.get(slot);
      if (previous !== undefined) {
        if (previous.fingerprint !== fingerprint) {
          return fail(ctx, 409, 'idempotency_conflict', {
            zh: '该 Idempotency-Key 已用于另一个不同的订单',
            en: 'this Idempotency-Key was already used with a different order body',
          });
        }
        const stored = state.reports.get(previous.reportId);
        if (stored !== undefined) {
          return jsonWith(Report, await signedReport(stored), { headers: { 'Idempotent-Replayed': 'true' } });
        }
      }

      const product = catalog.productsById.get(order.productId);
      if (product === undefined) {
        return fail(ctx, 404, 'not_found', {
          zh: `没有产品 ${order.productId}`,
          en: `no product ${order.productId}`,
        });
      }
      if (!key.account.entitledProducts.includes(product.id)) {
        return fail(ctx, 403, 'not_entitled', {
          zh: `该账户未开通产品 ${product.id}`,
          en: `this account is not entitled to product ${product.id}`,
        });
      }
      if (classified.kind === 'invalid') {
        return badRequest(ctx, [{ path: 'body.subjectId', message: classified.message.en }], {
          zh: `subjectId 无效：${classified.message.zh}`,
          en: `invalid subjectId: ${classified.message.en}`,
        });
      }
      const personal = classified.kind === 'id_card';
      if (personal !== (product.subjectType === 'individual')) {
        return fail(
          ctx,
          422,
          'unprocessable',
          product.subjectType === 'individual'
            ? {
                zh: `产品 ${product.id} 面向个人：subjectId 须为居民身份证号码`,
                en: `product ${product.id} is for individuals: subjectId must be an ID number`,
              }
            : {
                zh: `产品 ${product.id} 面向企业：subjectId 须为统一社会信用代码、组织机构代码或注册号`,
                en: `product ${product.id} is for enterprises: subjectId must be a USCC, org code or registration number`,
              },
        );
      }
      if (product.requiresAuthorization && order.authorization === undefined) {
        return fail(ctx, 422, 'authorization_required', {
          zh: '个人信用报告须提供信息主体的书面授权（征信业管理条例 第十八条）',
          en: "a personal report needs the subject's written authorization (authorization.reference, authorization.grantedAt)",
        });
      }
      if (order.authorization !== undefined && order.authorization.grantedAt > todayInChina(now)) {
        return fail(ctx, 422, 'unprocessable', {
          zh: '授权日期晚于今天',
          en: 'authorization.grantedAt is in the future',
        });
      }
      if (!product.domains.includes(order.purpose)) {
        return fail(ctx, 422, 'unprocessable', {
          zh: `用途 ${order.purpose} 不在产品 ${product.id} 的约定用途内（${product.domains.join('、')}）`,
          en: `purpose ${order.purpose} is not among the purposes of product ${product.id} (${product.domains.join(', ')})`,
        });
      }
      let subject: StoredReport['subject'];
      let subjectRef: string;
      if (classified.kind === 'id_card') {
        const individual = catalog.individualsById.get(classified.value);
        if (individual === undefined) {
          return fail(ctx, 404, 'not_found', {
            zh: `没有该个人的信用记录（${maskIdCard(classified.value)}）`,
            en: `no credit file for ${maskIdCard(classified.value)}`,
          });
        }
        subject = { kind: 'individual', seed: individual };
        subjectRef = maskIdCard(classified.value);
      } else {
        if (enterprise === undefined) {
          return fail(ctx, 404, 'not_found', {
            zh: `没有主体 ${order.subjectId}`,
            en: `no subject ${order.subjectId}`,
          });
        }
        subject = { kind: 'enterprise', seed: enterprise };
        subjectRef = classified.value;
      }
      const remaining = state.credits.get(key.account.id) ?? 0;
      if (remaining < product.priceCredits) {
        return fail(ctx, 402, 'insufficient_credits', {
          zh: `额度不足：产品 ${product.id} 需 ${product.priceCredits} 点，剩余 ${remaining} 点`,
          en: `insufficient credits: product ${product.id} costs ${product.priceCredits}, ${remaining} left`,
        });
      }
      state.credits.set(key.account.id, remaining - product.priceCredits);
      state.counters.report += 1;
      const id = `rpt_${state.counters.report.toString().padStart(6, '0')}`;
      const createdAt = now.getTime();
      const stored: StoredReport = {
        id,
        apiKey: key.key,
        product,
        purpose: order.purpose,
        subjectRef,
        createdAt,
        readyAt: createdAt + state.config.reportDelayMs,
        subject,
      };
      state.reports.set(id, stored);
      state.orders.set(slot, { fingerprint, reportId: id });
      // 202 for every new order, even one that is ready at once (reportDelayMs 0).
      return jsonWith(Report, await signedReport(stored), {
        status: 202,
        headers: { Location: `/v1/reports/${id}` },
      });
    });
  };

  const retrieveReport: Route<{ id: string }> = async (ctx, { id }) => {
    const stored = state.reports.get(id);
    // Another key's report is indistinguishable from a missing one.
    if (stored === undefined || stored.apiKey !== ctx.key?.key) {
      return fail(ctx, 404, 'not_found', { zh: `没有报告 ${id}`, en: `no report ${id}` });
    }
    return jsonWith(Report, await signedReport(stored));
  };

  return [
    http.post(at('/v1/reports'), v1(orderReport)),
    http.get<{ id: string }>(at('/v1/reports/:id'), v1(retrieveReport)),
  ];
};
