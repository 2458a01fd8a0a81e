import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';

/**
 * The baseline: the same clusters in Backstage's core `Table` (material-table) with its
 * built-in search, once paged (its default) and once with every row (paging off).
 */
export const baselinePlugin = createFrontendPlugin({
  pluginId: 'bench-baseline',
  extensions: [
    PageBlueprint.make({
      name: 'paged',
      params: {
        path: '/baseline/paged',
        title: 'Baseline (paged)',
        loader: () =>
          import('./BaselinePage').then(m => <m.BaselinePage paging />),
      },
    }),
    PageBlueprint.make({
      name: 'all',
      params: {
        path: '/baseline/all',
        title: 'Baseline (all rows)',
        loader: () =>
          import('./BaselinePage').then(m => <m.BaselinePage paging={false} />),
      },
    }),
  ],
});
