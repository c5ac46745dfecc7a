import { Box, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { getTranslation } from '../utils/getTranslation';

const SettingsPage = () => {
  const { formatMessage } = useIntl();
  const title = formatMessage({ id: getTranslation('settings.title'), defaultMessage: 'Trust Labels' });

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage({
          id: getTranslation('settings.subtitle'),
          defaultMessage: 'Disclaimers, sources and the Human Verified badge',
        })}
      />
      <Layouts.Content>
        <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
          <Typography>
            {formatMessage({
              id: getTranslation('settings.placeholder'),
              defaultMessage: 'The settings form (site name, disclaimer texts, verification rules) arrives with the settings API.',
            })}
          </Typography>
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};

export { SettingsPage };
export default SettingsPage;
