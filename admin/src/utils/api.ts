import type { AuditEvent, EditorMeta, GetDocument, GetStatuses } from '../../../shared/contracts';
import type { ErrorDetail } from '../../../shared/schemas';
import type { Settings, TrustState } from '../../../shared/trust';

export const PREFIX = '/trust-labels';

export const documentPath = (model: string, documentId: string, suffix = '', locale?: string | null) =>
  `${PREFIX}/documents/${encodeURIComponent(model)}/${encodeURIComponent(documentId)}${suffix}${locale ? `?locale=${encodeURIComponent(locale)}` : ''}`;

export type DocumentResponse = GetDocument.Response;
export type HistoryEvent = AuditEvent;
export type StatusesResponse = GetStatuses.Response;
export type { EditorMeta };

/** The message, per-path details and HTTP status (null without an answer) of a failed request, whatever shape the fetch error has. */
export const readError = (error: unknown): { message: string; details: ErrorDetail[]; status: number | null } => {
  const response = (error as any)?.response;
  const status = typeof response?.status === 'number' ? response.status : null;
  const body = response?.data?.error;
  if (body) return { message: body.message ?? 'Request failed', details: body.details?.errors ?? [], status };
  return { message: (error as Error)?.message ?? 'Request failed', details: [], status };
};

export type { Settings, TrustState };
