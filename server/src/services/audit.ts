import type { Core } from '@strapi/strapi';

import { AUDIT_EVENT_UID, type AuditAction } from '../../../shared/constants';
import type { Actor, AuditEvent } from '../../../shared/contracts';

export type { AuditAction };

export type { Actor, AuditEvent };

const parseJson = (value: unknown) => {
  if (typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
};

const toEvent = (row: any): AuditEvent => ({
  id: row.id,
  action: row.action,
  uid: row.uid,
  documentId: row.entryDocumentId,
  locale: row.entryLocale ?? null,
  actor: parseJson(row.actor),
  at: new Date(row.at).toISOString(),
  hash: row.hash ?? null,
  changedFields: parseJson(row.changedFields) ?? [],
  note: row.note ?? null,
});

const createAuditService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Appends one event, in the current transaction when there is one (see database/document-transaction.ts). */
  async append(event: Omit<AuditEvent, 'id' | 'at'> & { at?: Date }): Promise<void> {
    await strapi.db.query(AUDIT_EVENT_UID as any).create({
      data: {
        action: event.action,
        uid: event.uid,
        entryDocumentId: event.documentId,
        entryLocale: event.locale,
        actor: event.actor,
        at: event.at ?? new Date(),
        hash: event.hash,
        changedFields: event.changedFields,
        note: event.note,
      },
    });
  },

  /** Events of one document and locale, newest first. */
  async history(uid: string, documentId: string, locale: string | null, limit = 200): Promise<AuditEvent[]> {
    const rows = await strapi.db.query(AUDIT_EVENT_UID as any).findMany({
      where: { uid, entryDocumentId: documentId, ...(locale ? { entryLocale: locale } : {}) },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      limit,
    });
    return rows.map(toEvent);
  },
});

export type AuditService = ReturnType<typeof createAuditService>;
export default createAuditService;
