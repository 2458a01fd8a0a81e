/** Render action inputs of a valid cluster per cloud (account ids are identifiers, not secrets). */
export const AZURE_ACCOUNT = {
  subscriptionId: '00000000-1111-2222-3333-444444444444',
  tenantId: '55555555-6666-7777-8888-999999999999',
  identityClientId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
};
export const GCP_ACCOUNT = { project: 'trustram-sim' };

export function clusterInput(overrides: Record<string, unknown> = {}) {
  return {
    name: 'payments-prod',
    namespace: 'team-payments',
    cloud: 'aws',
    region: 'us-west-2',
    environment: 'production',
    kubernetesVersion: 'v1.33.1',
    owner: 'group:default/team-payments',
    system: 'system:default/payments',
    dataClass: 'ccpa',
    azure: AZURE_ACCOUNT,
    gcp: GCP_ACCOUNT,
    ...overrides,
  };
}
