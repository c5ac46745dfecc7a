import auditChainSchema from './audit-chain/schema';
import auditEventSchema from './audit-event/schema';
import integrityRunSchema from './integrity-run/schema';

export { AUDIT_CHAIN_UID, AUDIT_EVENT_UID, INTEGRITY_RUN_UID } from '../../../shared/constants';

export default {
  'audit-event': { schema: auditEventSchema },
  'audit-chain': { schema: auditChainSchema },
  'integrity-run': { schema: integrityRunSchema },
};
