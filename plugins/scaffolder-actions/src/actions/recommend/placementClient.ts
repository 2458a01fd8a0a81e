import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  PlacementRequestInput,
  PlacementResult,
} from '@internal/plugin-multicloud-common';

export interface PlacementClient {
  evaluate(
    request: PlacementRequestInput,
    signal?: AbortSignal,
  ): Promise<PlacementResult>;
}

/**
 * `POST /api/multicloud/placement/evaluate` with the scaffolder's own service credentials:
 * placement runs where the fleet cache lives, so the template step and the portal's advisor
 * give the same answer. The token is only ever put in the Authorization header.
 */
export function createPlacementClient(options: {
  discovery: DiscoveryService;
  auth: AuthService;
}): PlacementClient {
  const { discovery, auth } = options;
  return {
    async evaluate(request, signal) {
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId: 'multicloud',
      });
      const baseUrl = await discovery.getBaseUrl('multicloud');
      const response = await fetch(`${baseUrl}/placement/evaluate`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
        },
        body: JSON.stringify(request),
        signal,
      });
      if (!response.ok) throw await ResponseError.fromResponse(response);
      return (await response.json()) as PlacementResult;
    },
  };
}
