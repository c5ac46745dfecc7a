import audit from './audit';
import integrity from './integrity';
import labels from './labels';
import outputs from './outputs';
import report from './report';
import settings from './settings';
import suggestions from './suggestions';
import trust from './admin-state';
import verification from './verification';

// `trust` is the admin state service (admin-state.ts): the key app code has called since 0.1 (`service('trust').editDraft`).
export default { audit, integrity, labels, outputs, report, settings, suggestions, trust, verification };
