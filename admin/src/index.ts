import { SealCheck } from '@strapi/icons';

import { ACTIONS, PLUGIN_ID } from '../../shared/constants';
import { BulkUnverifyAction, BulkVerifyAction } from './components/BulkActions';
import { addTrustColumn } from './components/TrustColumn';
import { TrustPanel } from './components/TrustPanel';
import { getTranslation } from './utils/getTranslation';

export default {
  register(app: any) {
    app.registerPlugin({
      id: PLUGIN_ID,
      name: 'Trust Labels',
    });

    // The review queue: entries that need a person (stale, or AI-written and not verified).
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: SealCheck,
      intlLabel: { id: getTranslation('queue.menu'), defaultMessage: 'Review queue' },
      permissions: [{ action: ACTIONS.read, subject: null }],
      Component: () => import('./pages/ReviewQueuePage'),
    });

    app.addSettingsLink('global', {
      id: PLUGIN_ID,
      to: PLUGIN_ID,
      intlLabel: { id: getTranslation('settings.link'), defaultMessage: 'Trust Labels' },
      permissions: [{ action: ACTIONS.settingsRead, subject: null }],
      Component: () => import('./pages/SettingsPage'),
    });

    // The homepage widget API exists in recent Strapi 5 versions only: register where the admin has it.
    if (typeof app.widgets?.register === 'function') {
      app.widgets.register({
        id: 'review-queue',
        pluginId: PLUGIN_ID,
        icon: SealCheck,
        title: { id: getTranslation('widget.title'), defaultMessage: 'Review queue' },
        link: {
          label: { id: getTranslation('widget.link'), defaultMessage: 'Open the review queue' },
          href: `/plugins/${PLUGIN_ID}`,
        },
        permissions: [{ action: ACTIONS.read, subject: null }],
        component: async () => (await import('./components/ReviewQueueWidget')).ReviewQueueWidget,
      });
    }

    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', addTrustColumn);

    const contentManager = app.getPlugin('content-manager')?.apis;
    contentManager?.addEditViewSidePanel?.([TrustPanel]);
    contentManager?.addBulkAction?.([BulkVerifyAction, BulkUnverifyAction]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data: prefixKeys(data), locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};

const prefixKeys = (data: Record<string, string>) =>
  Object.fromEntries(Object.entries(data).map(([key, value]) => [getTranslation(key), value]));
