import documents from './documents';
import settings from './settings';

export default { documents, settings };
