import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import register, { unregister } from './register';
import routes from './routes';
import services from './services';

export default {
  register,
  bootstrap,
  destroy: unregister,
  config,
  contentTypes,
  controllers,
  routes,
  services,
  policies: {},
  middlewares: {},
};
