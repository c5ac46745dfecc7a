import type { DocumentTrustResponse, Settings, TrustState } from '../../../shared/trust';

export const PREFIX = '/trust-labels';

export const documentPath = (model: string, documentId: string, suffix = '', locale?: string | null) =>
  `${PREFIX}/documents/${encodeURIComponent(model)}/${encodeURIComponent(documentId)}${suffix}${locale ? `?locale=${encodeURIComponent(locale)}` : ''}`;

export interface EditorMeta {
  locale: string;
  siteName: string;
  disclaimerDefaults: Record<string, string | null>;
  requiredSources: number;
  fourEyes: boolean;
}

export type DocumentResponse = DocumentTrustResponse & { meta: EditorMeta };

export interface HistoryEvent {
  id: number;
  action: 'verify' | 'unverify' | 'stale' | 'restore' | 'edit';
  actor: { id: number | null; name: string; type: string } | null;
  at: string;
  changedFields: string[];
  note: string | null;
}

export interface StatusesResponse {
  data: Record<string, { draft: string | null; published: string | null; changedFields: string[] }>;
}

export interface ValidationDetail {
  path: Array<string | number>;
  message: string;
}

/** The message and per-path details of a Strapi error answer, whatever shape the fetch error has. */
export const readError = (error: unknown): { message: string; details: ValidationDetail[] } => {
  const body = (error as any)?.response?.data?.error;
  if (body) return { message: body.message ?? 'Request failed', details: body.details?.errors ?? [] };
  return { message: (error as Error)?.message ?? 'Request failed', details: [] };
};

export type { Settings, TrustState };
