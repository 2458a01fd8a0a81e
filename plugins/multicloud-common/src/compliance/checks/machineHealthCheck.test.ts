import { makeCluster } from '../../fleet/__fixtures__';
import { CAPI_LABELS } from '../../model/labels';
import { API_VERSIONS, checkOf } from '../__fixtures__/evaluate';
import { patch } from '../__fixtures__/patch';

const check = (objects: ReturnType<typeof makeCluster>) =>
  checkOf('machine-health-check', objects);

describe.each(API_VERSIONS)('MachineHealthCheck coverage (%s)', version => {
  it.each(['aws', 'azure', 'gcp'] as const)(
    '%s: passes when an MHC selects the MachineDeployment machines',
    cloud => {
      const result = check(
        makeCluster({ version, cloud, machineHealthCheck: true }),
      );
      expect(result.status).toBe('pass');
      expect(result.evidence[0]).toMatchObject({
        kind: 'MachineHealthCheck',
        fieldPath: 'spec.selector',
      });
    },
  );

  it('fails without an MHC, citing the pool labels', () => {
    const result = check(makeCluster({ version }));
    expect(result.status).toBe('fail');
    expect(result.evidence[0]).toMatchObject({
      kind: 'MachineDeployment',
      fieldPath: 'spec.template.metadata.labels',
    });
    expect(result.remediation).toContain('spec.clusterName: aws-cluster');
  });

  it('fails when the only MHC watches the control plane', () => {
    const objects = patch(
      makeCluster({ version, machineHealthCheck: true }),
      'MachineHealthCheck',
      'spec.selector',
      {
        matchLabels: { [CAPI_LABELS.controlPlane]: '' },
      },
    );
    expect(check(objects).status).toBe('fail');
  });

  it('fails when the MHC names another cluster', () => {
    const objects = patch(
      makeCluster({ version, machineHealthCheck: true }),
      'MachineHealthCheck',
      'spec.clusterName',
      'other',
    );
    expect(check(objects).status).toBe('fail');
  });

  it.each([
    { matchLabels: { [CAPI_LABELS.clusterName]: 'aws-cluster' } },
    {
      matchExpressions: [
        {
          key: CAPI_LABELS.deploymentName,
          operator: 'In',
          values: ['aws-cluster-md-0'],
        },
      ],
    },
    {
      matchExpressions: [
        { key: CAPI_LABELS.controlPlane, operator: 'DoesNotExist' },
      ],
    },
  ])('understands selector %j', selector => {
    const objects = patch(
      makeCluster({ version, machineHealthCheck: true }),
      'MachineHealthCheck',
      'spec.selector',
      selector,
    );
    expect(check(objects).status).toBe('pass');
  });

  it('does not apply to MachinePool-only clusters (provider repairs the pool)', () => {
    expect(
      check(makeCluster({ version, cloud: 'azure', controlPlane: 'managed' }))
        .status,
    ).toBe('not-applicable');
  });
});
