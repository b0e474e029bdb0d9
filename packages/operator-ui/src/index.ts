/**
 * The operator UI of the client domain: a page over `@alphaswarm/client` (the client generated
 * from the controller's OpenAPI document) that shows what the API decides and holds no copy of
 * authorization, tenancy or kill-switch rules. The production build is static files
 * (`dist/static`); this entry lets another page embed the UI.
 *
 * @packageDocumentation
 */
export { mountOperatorUi } from './mount-operator-ui.js';
export type { OperatorUiOptions } from './mount-operator-ui.js';
export type { OperatorIdentity } from './identity/operator-identity.js';
