import auditEventSchema from './audit-event/schema';

export const AUDIT_EVENT_UID = 'plugin::trust-labels.audit-event';

export default {
  'audit-event': { schema: auditEventSchema },
};
