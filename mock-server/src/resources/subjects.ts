/**
 * `POST /v1/subjects/search` (JSON body `{ q, limit }`): codes and names to subjects, with a
 * match confidence. `GET /v1/subjects?q=` answers the same, deprecated: page text in a URL ends
 * up in logs and proxies.
 */

import { SubjectSearchParams, SubjectSearchResult } from '@xinjian/sdk';
import { http } from 'msw';
import { searchSubjects } from '../catalog.ts';
import { badRequest, parseJsonBody, queryObject, type ResourceHandlers, type Route } from '../context.ts';
import { jsonWith, zodIssues } from '../responses.ts';

const DEFAULT_SEARCH_LIMIT = 10;

export const subjectHandlers: ResourceHandlers = ({ catalog, state, at, v1 }) => {
  const answer = (q: string, limit = DEFAULT_SEARCH_LIMIT) =>
    jsonWith(SubjectSearchResult, searchSubjects(catalog, q, limit, state.now()));
  const searchByQuery: Route<unknown> = (ctx) => {
    const parsed = SubjectSearchParams.safeParse(queryObject(ctx.url));
    if (!parsed.success) return badRequest(ctx, zodIssues(parsed.error, 'query'));
    return answer(parsed.data.q, parsed.data.limit);
  };
  const searchByBody: Route<unknown> = (ctx) => {
    const json = parseJsonBody(ctx);
    if (!json.ok) return json.response;
    const parsed = SubjectSearchParams.safeParse(json.value);
    if (!parsed.success) return badRequest(ctx, zodIssues(parsed.error, 'body'));
    return answer(parsed.data.q, parsed.data.limit);
  };
  return [
    http.post(at('/v1/subjects/search'), v1(searchByBody)),
    http.get(at('/v1/subjects'), v1(searchByQuery)),
  ];
};
