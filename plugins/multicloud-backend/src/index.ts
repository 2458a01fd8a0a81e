/**
 * Multicloud backend plugin.
 *
 * @packageDocumentation
 */
export { multicloudPlugin as default } from './plugin';
