import { ACTIONS } from '../../../shared/constants';

// Every admin route enforces its RBAC action on the server, not only in the UI.
const requires = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
});

export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/documents/:uid/:documentId', handler: 'documents.find', config: requires(ACTIONS.read) },
      { method: 'PUT', path: '/documents/:uid/:documentId', handler: 'documents.update', config: requires(ACTIONS.edit) },
      { method: 'GET', path: '/settings', handler: 'settings.find', config: requires(ACTIONS.settingsRead) },
      { method: 'PUT', path: '/settings', handler: 'settings.update', config: requires(ACTIONS.settingsUpdate) },
    ],
  },
  'content-api': {
    type: 'content-api',
    routes: [],
  },
};
