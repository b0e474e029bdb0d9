/**
 * Bots (`alphaswarm_bots`).
 *
 * @packageDocumentation
 */
export { isValidBotName } from './bot-name.js';
