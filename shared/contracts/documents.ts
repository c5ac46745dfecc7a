// Request and response types of the admin API's document routes (SPEC.md "Admin API"), shared by the server's
// controllers and the admin panel, so that the two cannot drift. One namespace per endpoint.
import type { AuditAction } from '../constants';
import type { BulkAction, TrustEdit } from '../schemas';
import type { TrustState } from '../trust';

/** `:uid/:documentId` and `?locale=` of every document route. */
export interface DocumentParams {
  uid: string;
  documentId: string;
}
export interface LocaleQuery {
  locale?: string;
}

/** The trust of a document's draft and published version in one locale. */
export interface DocumentTrust {
  draft: TrustState;
  published: TrustState | null;
}

/** What the Trust panel needs besides the state: disclaimer previews and the verification rules. */
export interface EditorMeta {
  locale: string;
  siteName: string;
  disclaimerDefaults: Record<string, string | null>;
  requiredSources: number;
  fourEyes: boolean;
}

/** GET /trust-labels/documents/:uid/:documentId?locale= (read) */
export declare namespace GetDocument {
  export interface Request {
    params: DocumentParams;
    query: LocaleQuery;
  }
  export interface Response {
    data: DocumentTrust;
    meta: EditorMeta & { chain: ChainStatus | null };
  }
}

/** PUT /trust-labels/documents/:uid/:documentId?locale= (edit) */
export declare namespace UpdateLabels {
  export interface Request {
    params: DocumentParams;
    query: LocaleQuery;
    body: TrustEdit;
  }
  export interface Response {
    data: DocumentTrust;
  }
}

/** POST /trust-labels/documents/:uid/:documentId/verify?locale= (verify) */
export declare namespace Verify {
  export interface Request {
    params: DocumentParams;
    query: LocaleQuery;
    body: { note?: string | null; contentHash?: string };
  }
  export interface Response {
    data: DocumentTrust;
  }
}

/** POST /trust-labels/documents/:uid/:documentId/unverify?locale= (verify) */
export declare namespace Unverify {
  export interface Request {
    params: DocumentParams;
    query: LocaleQuery;
    body: { note?: string | null };
  }
  export interface Response {
    data: DocumentTrust;
  }
}

export interface Actor {
  id: number | null;
  name: string;
  type: 'admin' | 'api-token' | 'user' | 'system';
}

/** One audit event, as the history route answers it. */
export interface AuditEvent {
  id: number;
  action: AuditAction;
  uid: string;
  documentId: string;
  locale: string | null;
  actor: Actor | null;
  at: string;
  /** The content hash of the version the event is about (verify, stale, restore), else null. */
  contentHash: string | null;
  changedFields: string[];
  note: string | null;
  /** The hash chain: the previous event's hash, and SHA-256 over this event's content and prevHash. */
  prevHash: string | null;
  hash: string | null;
}

/** The audit chain as last checked (at startup, and by each integrity check). */
export interface ChainStatus {
  ok: boolean;
  events: number;
  firstBrokenEventId: number | null;
  head: string;
  reason: string | null;
  checkedAt: string;
}

/** GET /trust-labels/documents/:uid/:documentId/history?locale= (read): newest first. */
export declare namespace GetHistory {
  export interface Request {
    params: DocumentParams;
    query: LocaleQuery;
  }
  export interface Response {
    data: AuditEvent[];
  }
}

/** GET /trust-labels/statuses/:uid?locale=&documentIds=a,b (read): the list view's Trust column. */
export declare namespace GetStatuses {
  export interface Request {
    params: { uid: string };
    query: LocaleQuery & { documentIds: string };
  }
  export interface Response {
    data: Record<string, { draft: string | null; published: string | null; changedFields: string[] }>;
  }
}

/** POST /trust-labels/bulk/verify and /bulk/unverify (verify): one result per document, in the order given. */
export declare namespace Bulk {
  export interface Request {
    body: BulkAction;
  }
  export interface Result {
    documentId: string;
    ok: boolean;
    error?: string;
  }
  export interface Response {
    data: Result[];
  }
}
