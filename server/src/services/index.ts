import audit from './audit';
import integrity from './integrity';
import labels from './labels';
import outputs from './outputs';
import report from './report';
import settings from './settings';
import suggestions from './suggestions';
import trust from './trust';
import verification from './verification';

export default { audit, integrity, labels, outputs, report, settings, suggestions, trust, verification };
