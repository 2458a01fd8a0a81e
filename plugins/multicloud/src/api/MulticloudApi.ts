import { createApiRef } from '@backstage/frontend-plugin-api';

/** Liveness of the multicloud backend plugin. */
export interface MulticloudHealth {
  status: 'ok';
}

/** The multicloud backend as the frontend sees it. */
export interface MulticloudApi {
  getHealth(): Promise<MulticloudHealth>;
}

export const multicloudApiRef = createApiRef<MulticloudApi>().with({
  id: 'plugin.multicloud.api',
  pluginId: 'multicloud',
});
