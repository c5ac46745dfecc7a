import bootstrap from './bootstrap';
import config from './config';
import register from './register';

export default {
  register,
  bootstrap,
  config,
  contentTypes: {},
  controllers: {},
  routes: {},
  services: {},
  policies: {},
  middlewares: {},
};
