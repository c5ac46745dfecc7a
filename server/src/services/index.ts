import audit from './audit';
import report from './report';
import settings from './settings';
import trust from './trust';
import verification from './verification';

export default { audit, report, settings, trust, verification };
