import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { createCrdValidator } from './createCrdValidator';
import type { CrdValidator } from './types';

const CRD_DIR = path.resolve(__dirname, '../../crds');

function loadCrds(): unknown[] {
  return ['core', 'aws', 'azure', 'gcp'].flatMap(folder =>
    fs
      .readdirSync(path.join(CRD_DIR, folder))
      .filter(f => f.endsWith('.yaml'))
      .map(f =>
        YAML.parse(fs.readFileSync(path.join(CRD_DIR, folder, f), 'utf8')),
      ),
  );
}

function machineDeployment(spec: Record<string, unknown> = {}) {
  return {
    apiVersion: 'cluster.x-k8s.io/v1beta2',
    kind: 'MachineDeployment',
    metadata: { name: 'md-0', namespace: 'default', labels: { a: 'b' } },
    spec: {
      clusterName: 'c1',
      replicas: 3,
      selector: { matchLabels: { 'cluster.x-k8s.io/cluster-name': 'c1' } },
      template: {
        spec: {
          clusterName: 'c1',
          bootstrap: { dataSecretName: 'c1-bootstrap' },
          infrastructureRef: {
            apiGroup: 'infrastructure.cluster.x-k8s.io',
            kind: 'AWSMachineTemplate',
            name: 'c1-md-0',
          },
        },
      },
      ...spec,
    },
  };
}

describe('createCrdValidator', () => {
  let validator: CrdValidator;

  beforeAll(() => {
    validator = createCrdValidator(loadCrds());
  });

  it('derives served resources from the CRDs', () => {
    const resources = validator.resources();
    const cluster = resources.filter(r => r.kind === 'Cluster');
    expect(cluster.map(r => r.version).sort()).toEqual(['v1beta1', 'v1beta2']);
    expect(cluster.find(r => r.version === 'v1beta2')).toMatchObject({
      group: 'cluster.x-k8s.io',
      plural: 'clusters',
      singular: 'cluster',
      listKind: 'ClusterList',
      namespaced: true,
      shortNames: ['cl'],
      hasStatusSubresource: true,
      storage: true,
    });
    // CAPA v1beta1 versions exist in the CRDs but are not served.
    expect(
      validator.resource(
        'infrastructure.cluster.x-k8s.io',
        'v1beta1',
        'AWSCluster',
      ),
    ).toBeUndefined();
    expect(
      validator.resource(
        'infrastructure.cluster.x-k8s.io',
        'v1beta2',
        'AWSClusterRoleIdentity',
      )?.namespaced,
    ).toBe(false);
    expect(
      validator.resource(
        'infrastructure.cluster.x-k8s.io',
        'v1beta1',
        'GCPMachineTemplate',
      )?.hasStatusSubresource,
    ).toBe(false);
  });

  it('accepts a valid object and does not modify its input', () => {
    const md = machineDeployment();
    const before = JSON.stringify(md);
    const result = validator.validate(md);
    expect(result).toMatchObject({
      valid: true,
      causes: [],
      unknownFields: [],
    });
    expect(JSON.stringify(md)).toBe(before);
  });

  it('reports type errors with Kubernetes field paths and wording', () => {
    const result = validator.validate(machineDeployment({ replicas: 'three' }));
    expect(result.valid).toBe(false);
    expect(result.causes).toEqual([
      {
        reason: 'FieldValueTypeInvalid',
        field: 'spec.replicas',
        message:
          'Invalid value: "string": spec.replicas in body must be of type integer: "string"',
      },
    ]);
  });

  it('reports missing required fields, enums inside lists and map values', () => {
    const md = machineDeployment();
    delete (md.spec as any).clusterName;
    (md.spec.template as any).metadata = { labels: { app: 7 } };
    (md.spec.template.spec as any).taints = [
      { key: 'dedicated', effect: 'Sometimes', propagation: 'Always' },
    ];
    const { causes } = validator.validate(md);
    expect(causes).toEqual(
      expect.arrayContaining([
        {
          reason: 'FieldValueRequired',
          field: 'spec.clusterName',
          message: 'Required value',
        },
        expect.objectContaining({
          reason: 'FieldValueNotSupported',
          field: 'spec.template.spec.taints[0].effect',
          message: expect.stringContaining('supported values: "NoSchedule"'),
        }),
        expect.objectContaining({
          reason: 'FieldValueTypeInvalid',
          field: 'spec.template.metadata.labels[app]',
        }),
      ]),
    );
  });

  it('accepts either type for x-kubernetes-int-or-string and rejects others once', () => {
    const mhc = (maxUnhealthy: unknown) => ({
      apiVersion: 'cluster.x-k8s.io/v1beta1',
      kind: 'MachineHealthCheck',
      metadata: { name: 'mhc' },
      spec: { clusterName: 'c1', selector: {}, maxUnhealthy },
    });
    expect(validator.validate(mhc('40%')).valid).toBe(true);
    expect(validator.validate(mhc(2)).valid).toBe(true);
    expect(validator.validate(mhc(true)).causes).toEqual([
      {
        reason: 'FieldValueTypeInvalid',
        field: 'spec.maxUnhealthy',
        message:
          'Invalid value: "boolean": spec.maxUnhealthy in body must be of type integer or string: "boolean"',
      },
    ]);
  });

  it('prunes unknown fields and non-nullable nulls, keeping preserved ones', () => {
    const cluster = {
      apiVersion: 'cluster.x-k8s.io/v1beta1',
      kind: 'Cluster',
      metadata: { name: 'c1', labels: { x: 'y' } },
      spec: {
        paused: null,
        surprise: { a: 1 },
        topology: {
          class: 'quick-start',
          version: 'v1.33.0',
          variables: [{ name: 'region', value: { anything: ['goes'] } }],
        },
      },
    };
    const result = validator.validate(cluster);
    expect(result.valid).toBe(true);
    expect(result.unknownFields).toEqual(['spec.surprise']);
    const stored = result.object as any;
    expect(stored.spec).not.toHaveProperty('surprise');
    expect(stored.spec).not.toHaveProperty('paused');
    expect(stored.spec.topology.variables[0].value).toEqual({
      anything: ['goes'],
    });
    expect(stored.metadata).toEqual({ name: 'c1', labels: { x: 'y' } });
  });

  it('applies schema defaults to the stored copy', () => {
    const kcp = {
      apiVersion: 'controlplane.cluster.x-k8s.io/v1beta1',
      kind: 'KubeadmControlPlane',
      metadata: { name: 'cp' },
      spec: {
        version: 'v1.33.1',
        kubeadmConfigSpec: {},
        machineTemplate: {
          infrastructureRef: {
            apiVersion: 'x/v1',
            kind: 'AWSMachineTemplate',
            name: 'cp',
          },
        },
      },
    };
    const result = validator.validate(kcp);
    expect(result.valid).toBe(true);
    expect((result.object as any).spec.rolloutStrategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: 1 },
    });
  });

  it('reports duplicate keys of x-kubernetes-list-type=map lists and bad formats', () => {
    const condition = {
      type: 'Available',
      status: 'True',
      reason: 'Available',
      message: '',
      lastTransitionTime: '2026-01-01T00:00:00Z',
    };
    const result = validator.validate({
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'Cluster',
      metadata: { name: 'c1' },
      spec: { paused: false },
      status: {
        conditions: [
          condition,
          { ...condition, lastTransitionTime: 'yesterday' },
        ],
      },
    });
    expect(result.causes).toEqual(
      expect.arrayContaining([
        {
          reason: 'FieldValueDuplicate',
          field: 'status.conditions[1]',
          message: 'Duplicate value: {"type":"Available"}',
        },
        expect.objectContaining({
          reason: 'FieldValueInvalid',
          field: 'status.conditions[1].lastTransitionTime',
          message: expect.stringContaining('must be of type date-time'),
        }),
      ]),
    );
  });

  it('rejects objects of kinds or versions no CRD serves', () => {
    expect(
      validator.validate({
        apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
        kind: 'AWSCluster',
      }).causes,
    ).toEqual([
      expect.objectContaining({
        reason: 'FieldValueNotSupported',
        field: 'kind',
      }),
    ]);
    expect(validator.validate({ kind: 'Cluster' }).causes).toEqual([
      {
        reason: 'FieldValueRequired',
        field: 'apiVersion',
        message: 'Required value',
      },
    ]);
  });

  it('refuses input that is not a CRD', () => {
    expect(() => createCrdValidator([{ kind: 'ConfigMap' }])).toThrow(
      /not a CustomResourceDefinition/,
    );
  });
});
