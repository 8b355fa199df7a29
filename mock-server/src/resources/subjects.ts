/** `GET /v1/subjects?q=`: codes and names to subjects, with a match confidence. */

import { SubjectSearchParams, SubjectSearchResult } from '@xinjian/sdk';
import { http } from 'msw';
import { searchSubjects } from '../catalog.ts';
import { badRequest, queryObject, type ResourceHandlers, type Route } from '../context.ts';
import { jsonWith, zodIssues } from '../responses.ts';

const DEFAULT_SEARCH_LIMIT = 10;

export const subjectHandlers: ResourceHandlers = ({ catalog, state, at, v1 }) => {
  const search: Route<unknown> = (ctx) => {
    const parsed = SubjectSearchParams.safeParse(queryObject(ctx.url));
    if (!parsed.success) return badRequest(ctx, zodIssues(parsed.error, 'query'));
    const { q, limit = DEFAULT_SEARCH_LIMIT } = parsed.data;
    return jsonWith(SubjectSearchResult, searchSubjects(catalog, q, limit, state.now()));
  };
  return [http.get(at('/v1/subjects'), v1(search))];
};
