// Request and response types of the report and the integrity check, shared by the server and the admin panel.

export interface ReportEntry {
  documentId: string;
  version: 'draft' | 'published';
  status: string;
  aiInvolvement: string;
  verifiedAt: string | null;
  updatedAt: string | null;
}

export interface ReportGroup {
  uid: string;
  locale: string | null;
  counts: { status: Record<string, number>; aiInvolvement: Record<string, number> };
  entries: ReportEntry[];
}

/** GET /trust-labels/report?format=json|csv (read); CSV has one line per entry. */
export declare namespace GetReport {
  export interface Request {
    query: { format?: 'json' | 'csv' };
  }
  export interface Response {
    data: ReportGroup[];
  }
}

export interface Drift {
  uid: string;
  documentId: string;
  locale: string | null;
  version: 'draft' | 'published';
  stored: string;
  expected: string;
}

export interface IntegrityReport {
  ok: boolean;
  checkedVersions: number;
  drift: Drift[];
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
