import type { ChainStatus } from './documents';

// Request and response types of the report and the integrity check, shared by the server and the admin panel.

export interface ReportEntry {
  documentId: string;
  version: 'draft' | 'published';
  status: string;
  aiInvolvement: string;
  verifiedAt: string | null;
  updatedAt: string | null;
  /** The review record of the last verification. */
  checks: string[] | null;
  /** Who holds editorial responsibility (the entry's own, else the site's). */
  responsibility: { name: string; url?: string | null; type?: string } | null;
  /** The version's W3C ai-disclosure value (docs/compliance.md#ai-disclosure); null when nothing is declared. */
  disclosure: string | null;
  /** Whether readers must see an AI label on this version (docs/compliance.md#ai-disclosure). */
  labelRequired: boolean;
}

export interface ReportGroup {
  uid: string;
  locale: string | null;
  /** Per document (its draft): by status, by AI involvement, and how many need a person (the review queue). */
  counts: { status: Record<string, number>; aiInvolvement: Record<string, number>; needsReview: number; labelRequired: { true: number; false: number } };
  entries: ReportEntry[];
}

/** The audit chain's head when a report was made, and the last verdict on the whole chain. */
export interface ReportChain {
  head: string;
  events: number;
  at: string;
  lastCheck: ChainStatus | null;
}

/** A page of the report's entries, counted across all its groups. */
export interface ReportPagination {
  page: number;
  pageSize: number;
  /** Entries (versions) the user may read, in all groups. */
  total: number;
  pageCount: number;
}

/**
 * GET /trust-labels/report?format=json|csv&page=&pageSize= (read). JSON: a page of entries (200 by default, at most
 * 1,000), in every group the user may read, each group with its counts (whole, not per page). CSV: the whole report,
 * streamed, one line per entry, with the chain head in the X-Trust-Labels-Chain-Head and X-Trust-Labels-Chain-Events
 * headers (page and pageSize do not apply).
 */
export declare namespace GetReport {
  export interface Request {
    query: { format?: 'json' | 'csv'; page?: string; pageSize?: string };
  }
  export interface Response {
    /** Every group; `entries` holds those of this page only (empty in the groups outside it). */
    data: ReportGroup[];
    meta: { chain: ReportChain; pagination: ReportPagination };
  }
}

export interface Drift {
  uid: string;
  documentId: string;
  locale: string | null;
  version: 'draft' | 'published';
  stored: string;
  expected: string;
  /**
   * `content`: the status does not follow the content hash (or the declared AI involvement); `record`: the review
   * record on the trust row (time, verifier, checks, AI involvement) is not the one its verify event records; else
   * why (a verification the audit log does not record).
   */
  reason: string;
}

export interface ChainCheck {
  ok: boolean;
  events: number;
  firstBrokenEventId: number | null;
  /** The newest event's hash: publish or archive it elsewhere to prove later that the log was not rewritten. */
  head: string;
  reason: string | null;
}

export interface IntegrityReport {
  /** No drift and an unbroken chain. */
  ok: boolean;
  checkedVersions: number;
  drift: Drift[];
  chain: ChainCheck;
  /** POST only: the drift that was found and repaired. */
  fixed?: Drift[];
  durationMs: number;
}

/** GET /trust-labels/integrity (read); POST /trust-labels/integrity (verify) also repairs. */
export declare namespace Integrity {
  export interface Response {
    data: IntegrityReport;
  }
}
