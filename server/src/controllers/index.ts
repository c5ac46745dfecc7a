import documents from './documents';
import integrity from './integrity';
import outputs from './outputs';
import settings from './settings';

export default { documents, integrity, outputs, settings };
