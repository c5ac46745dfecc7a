// Request and response types of the admin API's document routes (docs/api.md#admin-api), shared by the server's
// controllers and the admin panel, so that the two cannot drift. One namespace per endpoint.
import type { AuditAction } from '../constants';
import type { BulkAction, ErrorCode, TrustEdit } from '../schemas';
import type {
  AiInvolvement,
  EditorialResponsibility,
  ReviewCheck,
  Source,
  TrustState,
  TrustSuggestion,
} from '../trust';

/** `:uid/:documentId` and `?locale=` of every document route. */
interface DocumentParams {
  uid: string;
  documentId: string;
}
interface LocaleQuery {
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
  /** The checks a verifier must confirm (settings `requiredChecks`). */
  requiredChecks: ReviewCheck[];
  /** Who holds editorial responsibility for the site (settings); an entry may name its own. */
  editorialResponsibility: EditorialResponsibility | null;
  fourEyes: boolean;
  /** The type's `publicInterest` setting (true unless the settings say otherwise). */
  publicInterestOfType: boolean;
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
    body: { note?: string | null; checks?: ReviewCheck[]; contentHash?: string };
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

/**
 * POST /trust-labels/documents/:uid/:documentId/suggestion/accept?locale= (edit): applies an AI agent's pending
 * suggestion (the draft's `suggestion`) as the editor's label edit (only what still raises the disclosure, only
 * sources not on the draft) and clears it; 404 when there is none. No body.
 */
export declare namespace AcceptSuggestion {
  export interface Request {
    params: DocumentParams;
    query: LocaleQuery;
  }
  export interface Response {
    data: DocumentTrust;
  }
}

/** POST /trust-labels/documents/:uid/:documentId/suggestion/dismiss?locale= (edit): drops the pending suggestion. No body. */
export declare namespace DismissSuggestion {
  export interface Request {
    params: DocumentParams;
    query: LocaleQuery;
  }
  export interface Response {
    data: DocumentTrust;
  }
}

/** Input of the MCP tool trust_labels_get (Strapi's MCP endpoint, an admin token). */
export interface McpDocumentInput {
  uid: string;
  documentId: string;
  locale?: string;
}

/** Input of the MCP tool trust_labels_suggest: what the agent suggests for the draft's labels. */
export interface McpSuggestInput extends McpDocumentInput {
  aiInvolvement?: AiInvolvement;
  sources?: Source[];
}

/** structuredContent of trust_labels_get. */
export interface McpGetResult {
  data: DocumentTrust;
}

/** structuredContent of trust_labels_suggest. */
export interface McpSuggestResult {
  /** Whether this call added anything to the pending suggestion. */
  recorded: boolean;
  /** The draft's pending suggestion after this call. */
  suggestion: TrustSuggestion | null;
  /** Why parts of the input were dropped (a lower AI involvement, a source already there). */
  notes: string[];
  data: DocumentTrust;
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
  /** The review record of a verify: what the verifier checked, and who held editorial responsibility. */
  checks: ReviewCheck[] | null;
  responsibility: EditorialResponsibility | null;
  /** The AI involvement declared on the version a verify reviewed (null on other events, and before 0.3). */
  aiInvolvement: AiInvolvement | null;
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
    /** `page` (from 1) and `pageSize` (1 to 200, default 200). */
    query: LocaleQuery & { page?: string; pageSize?: string };
  }
  export interface Response {
    /** Newest first. */
    data: AuditEvent[];
    meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
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
    /** Why it failed, in English for API clients. */
    error?: string;
    /** The problem's stable code and values (ERROR_CODES), which the admin panel translates. */
    code?: ErrorCode;
    values?: Record<string, unknown>;
  }
  export interface Response {
    data: Result[];
  }
}

/** One field that changed since the last verification: before and after, and the changes word by word or item by item. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  changes: Array<{ type: 'equal' | 'insert' | 'delete'; value: unknown }>;
}

/** What changed in one version since its last verification. */
export interface Diff {
  verifiedAt: string | null;
  status: string;
  fields: FieldChange[];
}

/** GET /trust-labels/documents/:uid/:documentId/diff?locale= (read): null for a version never verified. */
export declare namespace GetDiff {
  export interface Request {
    params: DocumentParams;
    query: LocaleQuery;
  }
  export interface Response {
    data: { draft: Diff | null; published: Diff | null };
  }
}

/** An entry that needs a person: stale, or AI-assisted or AI-generated and not verified. */
export interface QueueEntry {
  uid: string;
  documentId: string;
  locale: string | null;
  title: string | null;
  /** The draft's status and AI involvement (what a verifier works on). */
  status: string;
  aiInvolvement: string;
  changedFields: string[];
  /** The published version's status, or null when the entry is not published. */
  publishedStatus: string | null;
  updatedAt: string | null;
}

/**
 * GET /trust-labels/queue?uid=&locale=&status=stale|unverified&page=&pageSize= (read): the entries that need a
 * person, across the enabled types and locales the user may read; published ones first, then the oldest first.
 */
export declare namespace GetQueue {
  export interface Request {
    query: { uid?: string; locale?: string; status?: 'stale' | 'unverified'; page?: string; pageSize?: string };
  }
  export interface Response {
    data: QueueEntry[];
    meta: {
      pagination: { page: number; pageSize: number; total: number; pageCount: number };
      counts: { stale: number; unverified: number };
      contentTypes: Array<{ uid: string; displayName: string }>;
    };
  }
}
