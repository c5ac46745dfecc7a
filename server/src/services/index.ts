import audit from './audit';
import outputs from './outputs';
import report from './report';
import settings from './settings';
import trust from './trust';
import verification from './verification';

export default { audit, outputs, report, settings, trust, verification };
