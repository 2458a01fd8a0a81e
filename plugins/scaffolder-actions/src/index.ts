/**
 * Scaffolder backend module: multicloud:* template actions.
 *
 * @packageDocumentation
 */
export { scaffolderModuleMulticloud as default } from './module';
export { resolveWorkspacePath } from './resolveWorkspacePath';
