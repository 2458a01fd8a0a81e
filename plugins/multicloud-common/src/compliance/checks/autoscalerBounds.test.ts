import { makeCluster } from '../../fleet/__fixtures__';
import { CAPI_AUTOSCALER_ANNOTATIONS } from '../../model/labels';
import { API_VERSIONS, checkOf } from '../__fixtures__/evaluate';
import { patch } from '../__fixtures__/patch';

const check = (objects: ReturnType<typeof makeCluster>) =>
  checkOf('autoscaler-bounds', objects);
const maxAnnotation = [
  'metadata',
  'annotations',
  CAPI_AUTOSCALER_ANNOTATIONS.maxSize,
];

describe.each(API_VERSIONS)('autoscaler bounds (%s)', version => {
  it.each(['aws', 'azure', 'gcp'] as const)(
    '%s: passes with min/max annotations on the MachineDeployment',
    cloud => {
      const result = check(makeCluster({ version, cloud, min: 2, max: 6 }));
      expect(result.status).toBe('pass');
      expect(result.evidence).toEqual([
        {
          kind: 'MachineDeployment',
          name: `${cloud}-cluster-md-0`,
          fieldPath: `metadata.annotations['${CAPI_AUTOSCALER_ANNOTATIONS.minSize}']`,
          value: '2',
        },
        {
          kind: 'MachineDeployment',
          name: `${cloud}-cluster-md-0`,
          fieldPath: `metadata.annotations['${CAPI_AUTOSCALER_ANNOTATIONS.maxSize}']`,
          value: '6',
        },
      ]);
    },
  );

  it('fails without annotations, with only one of them, or with min > max or non-integers', () => {
    expect(check(makeCluster({ version })).status).toBe('fail');
    const base = makeCluster({ version, min: 2, max: 6 });
    expect(
      check(patch(base, 'MachineDeployment', maxAnnotation, undefined)).status,
    ).toBe('fail');
    expect(
      check(patch(base, 'MachineDeployment', maxAnnotation, '1')).status,
    ).toBe('fail');
    expect(
      check(patch(base, 'MachineDeployment', maxAnnotation, 'ten')).status,
    ).toBe('fail');
    expect(
      check(patch(base, 'MachineDeployment', maxAnnotation, '2')).status,
    ).toBe('pass');
  });

  it.each([
    ['azure', 'AzureManagedMachinePool', 'spec.scaling.maxSize'],
    ['gcp', 'GCPManagedMachinePool', 'spec.scaling.maxCount'],
  ] as const)(
    '%s managed pools may use their own scaling bounds',
    (cloud, kind, maxPath) => {
      const pools = makeCluster({
        version,
        cloud,
        controlPlane: 'managed',
        min: 1,
        max: 5,
      });
      const result = check(pools);
      expect(result.status).toBe('pass');
      expect(result.evidence[1]).toMatchObject({
        kind,
        fieldPath: maxPath,
        value: 5,
      });
      expect(check(patch(pools, kind, maxPath, 0)).status).toBe('fail');
    },
  );

  it('does not apply when the cluster has no worker pools', () => {
    const objects = makeCluster({ version }).filter(
      o => o.kind !== 'MachineDeployment',
    );
    expect(check(objects).status).toBe('not-applicable');
  });
});
