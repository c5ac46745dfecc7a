import settings from './settings';
import trust from './trust';

export default { settings, trust };
