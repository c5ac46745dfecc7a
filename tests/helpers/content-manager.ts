import type { HttpClient } from './http';

/**
 * Content Manager writes as an admin would make them in the admin panel, each expected to answer 200.
 * `session` is read at call time, so the helpers can be created before `beforeAll` has logged in:
 *
 *   const { edit, publish } = contentManager(() => ({ http: t.http, token: admin.token }));
 */
export const contentManager = (session: () => { http: HttpClient; token: string }, uid = 'api::article.article') => {
  const base = `/content-manager/collection-types/${uid}`;
  const expectOk = async (request: Promise<{ status: number; text: string }>) => {
    const res = await request;
    if (res.status !== 200) throw new Error(`Content Manager answered ${res.status}: ${res.text.slice(0, 300)}`);
  };
  return {
    edit: (documentId: string, data: Record<string, unknown>, locale = 'en') => {
      const { http, token } = session();
      return expectOk(http.put(`${base}/${documentId}?locale=${locale}`, data, { token }));
    },
    publish: (documentId: string, locale = 'en') => {
      const { http, token } = session();
      return expectOk(http.post(`${base}/${documentId}/actions/publish?locale=${locale}`, {}, { token }));
    },
    discard: (documentId: string, locale = 'en') => {
      const { http, token } = session();
      return expectOk(http.post(`${base}/${documentId}/actions/discard?locale=${locale}`, {}, { token }));
    },
  };
};
