/** `GET /v1/domains`: the purposes a product may be ordered for. */
import { http } from 'msw';
import { DomainList } from '../../../sdk/src/resources/domains.ts';
import type { ResourceHandlers } from '../context.ts';
import { jsonWith } from '../responses.ts';

export const domainHandlers: ResourceHandlers = ({ seeds, at, v1 }) => [
  http.get(
    at('/v1/domains'),
    v1(() => jsonWith(DomainList, { data: seeds.domains })),
  ),
];
