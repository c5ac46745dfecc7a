import type { Disclosure } from '../disclosure';
import type { EditorialResponsibility, ReviewCheck, VerificationStatus } from '../trust';

/**
 * GET /api/trust-labels/receipt/:uid/:documentId?locale= (public, like the badge: the content API's `find`
 * permission on the type; published versions only). What an archive keeps to prove later what was verified.
 */
export declare namespace GetReceipt {
  export interface Response {
    data: Receipt;
  }
}

export interface Receipt {
  uid: string;
  documentId: string;
  locale: string | null;
  status: VerificationStatus;
  /**
   * The content hash of the published version now (docs/compliance.md#verification-receipts); the same value as
   * `content.hash`, which comes with what the hash covers.
   */
  contentHash: string;
  /** When this exact content was verified (as `verification.verifiedAt`); null unless the published version is verified. */
  verifiedAt: string | null;
  /** The review checks of the verification (as `verification.checks`); null unless the published version is verified. */
  checks: ReviewCheck[] | null;
  /**
   * Who holds editorial responsibility for the verification (as `verification.editorialResponsibility`: the entry's
   * own, else the site's); null unless the published version is verified, and when nobody is named.
   */
  editorialResponsibility: EditorialResponsibility | null;
  /**
   * The audit chain's head now (the hash of the newest event, as GET /trust-labels/integrity's `chain.head`; the
   * genesis hash while the log is empty). `verification.auditEvent.hash` is the head right after the verification.
   */
  chainHead: string;
  disclosure: Disclosure;
  /**
   * The content hash of the published version now (docs/compliance.md#verification-receipts: how to recompute it from
   * the content API response with scripts/verify-receipt.js).
   */
  content: {
    algorithm: 'sha256';
    hash: string;
    /** The attributes the hash covers, besides `sources` (always covered). */
    fields: string[];
    /** The content API path that returns exactly what the hash covers (components populated). */
    path: string;
    /** False when a hashed attribute is private (the content API never returns it): the hash cannot be recomputed. */
    recomputable: boolean;
  };
  /** The verification of this exact content; null unless the published version is verified. */
  verification: {
    verifiedAt: string;
    /** The verifier's display name when the showVerifierName setting is on, else null. */
    verifiedBy: string | null;
    checks: ReviewCheck[];
    editorialResponsibility: EditorialResponsibility | null;
    /** The audit log's verify event of this content, and the chain head right after it (its hash). */
    auditEvent: { id: number; at: string; hash: string; prevHash: string | null } | null;
  } | null;
}
