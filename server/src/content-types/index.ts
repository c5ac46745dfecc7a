import auditChainSchema from './audit-chain/schema';
import auditEventSchema from './audit-event/schema';

export { AUDIT_CHAIN_UID, AUDIT_EVENT_UID } from '../../../shared/constants';

export default {
  'audit-event': { schema: auditEventSchema },
  'audit-chain': { schema: auditChainSchema },
};
