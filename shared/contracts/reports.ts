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
  counts: {
    status: Record<string, number>;
    aiInvolvement: Record<string, number>;
    needsReview: number;
    labelRequired: { true: number; false: number };
  };
  entries: ReportEntry[];
}

/** The audit chain's head when a report was made, and the last verdict on the whole chain. */
interface ReportChain {
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

interface IntegrityReport {
  /** No drift and an unbroken chain. */
  ok: boolean;
  checkedVersions: number;
  /** The drifted versions (at most 1,000 listed: `driftTotal` counts them all). */
  drift: Drift[];
  chain: ChainCheck;
  /** A repairing check (POST, startup): the drift that was found and repaired (at most 1,000 listed). */
  fixed?: Drift[];
  durationMs: number;
}

/** The check under way (the whole site's progress). */
interface IntegrityProgress {
  startedAt: string;
  /** Whether it repairs what it finds (POST, startup) or only reports it (POST with `repair: false`). */
  repair: boolean;
  /** "startup", or who asked for it. */
  requestedBy: string;
  /** `versions`: checking the versions, type by type; `chain`: walking the audit log's chain. */
  phase: 'versions' | 'chain';
  uid: string | null;
  checkedVersions: number;
  driftFound: number;
  /** Whether a process holds it now (false: it waits for one to take it over, at most one lease period). */
  held: boolean;
}

/**
 * GET /trust-labels/integrity (read) answers at once: the last completed check (`ok` null, no chain, before the
 * first one), scoped to the versions the user may read, and the progress of the running one. POST (verify) starts a
 * check, or joins the running one, and answers its result when it completes within the request (200), else the
 * same as GET (202).
 */
export interface IntegrityState extends Omit<IntegrityReport, 'ok' | 'chain' | 'durationMs'> {
  ok: boolean | null;
  chain: ChainCheck | null;
  durationMs: number | null;
  /** The number of drifted versions found (listed or not); repaired ones are in `fixedTotal`. */
  driftTotal: number;
  fixedTotal: number;
  startedAt: string | null;
  completedAt: string | null;
  /** Whether the last completed check repaired what it found. */
  repair: boolean | null;
  running: IntegrityProgress | null;
}

export declare namespace Integrity {
  export interface Request {
    /** POST: `repair: false` checks without repairing (default true). */
    body: { repair?: boolean };
  }
  export interface Response {
    data: IntegrityState;
  }
}
