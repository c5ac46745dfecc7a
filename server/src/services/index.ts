import audit from './audit';
import labels from './labels';
import outputs from './outputs';
import report from './report';
import settings from './settings';
import trust from './trust';
import verification from './verification';

export default { audit, labels, outputs, report, settings, trust, verification };
