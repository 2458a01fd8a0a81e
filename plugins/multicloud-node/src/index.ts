/**
 * Node library of the multicloud plugins: reaching management clusters and, on top of
 * that, the shared fleet watch cache.
 *
 * @packageDocumentation
 */
export * from './cluster/ManagementClusterConfig';
