import { PLUGIN_ID } from '../../../shared/constants';

export const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;
