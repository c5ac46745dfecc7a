import * as React from 'react';

import { adminApi, useFetchClient } from '@strapi/strapi/admin';

import type {
  AcceptSuggestion,
  Bulk,
  DismissSuggestion,
  GetDiff,
  GetDocument,
  GetHistory,
  GetSettings,
  GetStatuses,
  UpdateLabels,
  UpdateSettings,
  Verify,
  Unverify,
} from '../../../shared/contracts';
import type { GetQueue } from '../../../shared/contracts';
import { documentPath, PREFIX } from '../utils/api';

type Get = ReturnType<typeof useFetchClient>['get'];
type Statuses = GetStatuses.Response['data'];

interface I18nLocale {
  code: string;
  name: string;
  isDefault?: boolean;
}

/**
 * The list view renders one cell per row; the cells of one page ask for their status within the same tick. This
 * collects them into one request per model and locale (GET /trust-labels/statuses/:uid) instead of one per row. A
 * failed request rejects every waiting cell, which shows the error.
 */
interface StatusBatch {
  ids: Set<string>;
  waiters: Array<{ resolve: (result: Statuses) => void; reject: (error: unknown) => void }>;
}
const pendingStatuses = new Map<string, StatusBatch>();

const batchedStatus = (get: Get, model: string, locale: string | null, documentId: string) =>
  new Promise<Statuses[string] | undefined>((resolve, reject) => {
    const key = `${model}|${locale ?? ''}`;
    let batch = pendingStatuses.get(key);
    if (!batch) {
      const created: StatusBatch = { ids: new Set<string>(), waiters: [] };
      batch = created;
      pendingStatuses.set(key, created);
      setTimeout(async () => {
        pendingStatuses.delete(key);
        const query = new URLSearchParams({ documentIds: [...created.ids].join(',') });
        if (locale) query.set('locale', locale);
        try {
          const res = await get<GetStatuses.Response>(
            `${PREFIX}/statuses/${encodeURIComponent(model)}?${query.toString()}`
          );
          created.waiters.forEach((waiter) => waiter.resolve(res.data.data));
        } catch (error) {
          created.waiters.forEach((waiter) => waiter.reject(error));
        }
      }, 10);
    }
    batch.ids.add(documentId);
    batch.waiters.push({ resolve: (result) => resolve(result[documentId]), reject });
  });

/**
 * The Content Manager keeps the edit view's document in Strapi's admin API cache (RTK Query), tagged
 * `{ type: 'Document', id: '<model>_<documentId>' }`. A label save or a verification changes the entry (its
 * `updatedAt`, so its "Modified" status and the Publish button) behind that cache's back: this endpoint does no
 * request and only invalidates those tags, so the edit view refetches the document without a page reload.
 */
const documentCache = (adminApi as any).injectEndpoints({
  endpoints: (build: any) => ({
    trustLabelsRefreshDocument: build.mutation({
      queryFn: () => ({ data: null }),
      invalidatesTags: (
        _result: unknown,
        _error: unknown,
        { model, documentId, collectionType }: { model: string; documentId: string; collectionType?: string }
      ) => [
        { type: 'Document', id: collectionType === 'single-types' ? model : `${model}_${documentId}` },
        { type: 'Document', id: `${model}_LIST` },
        { type: 'Document', id: `${model}_ALL_ITEMS` },
      ],
    }),
  }),
  overrideExisting: false,
});

/** Refetches the Content Manager's copy of a document (its status and the Publish button) after a trust change. */
export const useRefreshCmDocument = (): ((args: {
  model: string;
  documentId: string;
  collectionType?: string;
}) => void) => {
  const [refresh] = documentCache.useTrustLabelsRefreshDocumentMutation();
  return React.useCallback((args) => void refresh(args), [refresh]);
};

/**
 * Every call the admin panel makes to the plugin's admin API, in one place, typed with the request and response
 * types the server's controllers use (shared/contracts). Errors are thrown as the fetch client throws them; read
 * them with `readError` (utils/api.ts) to show the server's message and per-field problems.
 */
export const useTrustApi = () => {
  const { get, put, post } = useFetchClient();
  return React.useMemo(
    () => ({
      document: async (model: string, documentId: string, locale: string | null) =>
        (await get<GetDocument.Response>(documentPath(model, documentId, '', locale))).data,
      history: async (model: string, documentId: string, locale: string | null) =>
        (await get<GetHistory.Response>(documentPath(model, documentId, '/history', locale))).data.data,
      /** What changed in the draft and the published version since their last verification (null: never verified). */
      diff: async (model: string, documentId: string, locale: string | null) =>
        (await get<GetDiff.Response>(documentPath(model, documentId, '/diff', locale))).data.data,
      saveLabels: async (
        model: string,
        documentId: string,
        locale: string | null,
        body: UpdateLabels.Request['body']
      ) => (await put<UpdateLabels.Response>(documentPath(model, documentId, '', locale), body)).data,
      verify: async (model: string, documentId: string, locale: string | null, body: Verify.Request['body']) =>
        (await post<Verify.Response>(documentPath(model, documentId, '/verify', locale), body)).data,
      unverify: async (model: string, documentId: string, locale: string | null, body: Unverify.Request['body']) =>
        (await post<Unverify.Response>(documentPath(model, documentId, '/unverify', locale), body)).data,
      /** An AI agent's pending suggestion: applied as this editor's label edit, or dropped (docs/api.md#mcp-tools). */
      acceptSuggestion: async (model: string, documentId: string, locale: string | null) =>
        (await post<AcceptSuggestion.Response>(documentPath(model, documentId, '/suggestion/accept', locale), {})).data,
      dismissSuggestion: async (model: string, documentId: string, locale: string | null) =>
        (await post<DismissSuggestion.Response>(documentPath(model, documentId, '/suggestion/dismiss', locale), {}))
          .data,
      bulk: async (action: 'verify' | 'unverify', body: Bulk.Request['body']) =>
        (await post<Bulk.Response>(`${PREFIX}/bulk/${action}`, body)).data.data,
      /** The status of one list row, batched with the other rows of the page. */
      status: (model: string, locale: string | null, documentId: string) =>
        batchedStatus(get, model, locale, documentId),
      settings: async () => (await get<GetSettings.Response>(`${PREFIX}/settings`)).data,
      saveSettings: async (body: UpdateSettings.Request['body']) =>
        (await put<UpdateSettings.Response>(`${PREFIX}/settings`, body)).data,
      /** The i18n plugin's locales (the settings page edits per-locale values). */
      locales: async () => (await get<I18nLocale[]>('/i18n/locales')).data,
      /** The review queue: entries that are stale, or AI-written and not verified (GET /trust-labels/queue). */
      queue: async (query: GetQueue.Request['query']) => {
        const params = new URLSearchParams();
        Object.entries(query).forEach(([key, value]) => {
          if (value !== undefined && value !== '') params.set(key, String(value));
        });
        const search = params.toString();
        return (await get<GetQueue.Response>(`${PREFIX}/queue${search ? `?${search}` : ''}`)).data;
      },
      /** The Content Manager's content types (uid and kind), to link an entry to its edit view. */
      contentTypeKinds: async () => {
        const res = await get<{ data: Array<{ uid: string; kind: 'collectionType' | 'singleType' }> }>(
          '/content-manager/content-types'
        );
        return Object.fromEntries(res.data.data.map(({ uid, kind }) => [uid, kind])) as Record<
          string,
          'collectionType' | 'singleType'
        >;
      },
    }),
    [get, put, post]
  );
};
