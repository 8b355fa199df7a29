/** `GET /.well-known/jwks.json`: the public key the answers are signed with; no API key needed. */

import { JWKS_PATH, Jwks } from '@xinjian/sdk';
import { http } from 'msw';
import type { ResourceHandlers, Route } from '../context.ts';
import { jsonWith } from '../responses.ts';

export const keyHandlers: ResourceHandlers = ({ at, v1, jwks }) => {
  const list: Route<unknown> = async () =>
    jsonWith(Jwks, await jwks(), { headers: { 'Cache-Control': 'public, max-age=300' } });
  return [http.get(at(JWKS_PATH), v1(list, { auth: false }))];
};
