/** `GET /v1/domains`: the purposes a product may be ordered for. */

import { DomainList } from '@xinjian/sdk';
import { http } from 'msw';
import type { ResourceHandlers } from '../context.ts';
import { jsonWith } from '../responses.ts';

export const domainHandlers: ResourceHandlers = ({ seeds, at, v1 }) => [
  http.get(
    at('/v1/domains'),
    v1(() => jsonWith(DomainList, { data: seeds.domains })),
  ),
];
