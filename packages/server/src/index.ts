export { registeredRoutes } from './access-guard.js';
export { buildApp } from './app.js';
export {
  checkNewCredentials,
  checkNewPassword,
  NewPasswordSchema,
  UsernameSchema,
} from './auth/credentials.js';
export { hashPassword, minPasswordLength } from './auth/passwords.js';
export { openApiDocument } from './openapi/document.js';
export { defaultServerOptions, type ServerOptions } from './options.js';
export { defineRoute, type ApiRoute, type RouteContext, type RouteSpec } from './route.js';
export { bindCommand, type BoundRoute, type HttpBinding } from './bind-command.js';
export { apiRoutes } from './routes/index.js';
export { startServer, type RunningServer } from './serve.js';
export type { JobRunner } from './jobs/job-runner.js';
export { jobKinds } from './jobs/job-kinds.js';
