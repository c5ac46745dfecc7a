import documents from './documents';
import outputs from './outputs';
import settings from './settings';

export default { documents, outputs, settings };
