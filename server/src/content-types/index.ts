import auditEventSchema from './audit-event/schema';

export { AUDIT_EVENT_UID } from '../../../shared/constants';

export default {
  'audit-event': { schema: auditEventSchema },
};
