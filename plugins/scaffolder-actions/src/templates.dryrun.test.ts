import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import {
  allowedRegionsFor,
  CLOUDS,
  buildPlacementIndex,
  DEFAULT_COMPLIANCE_RULES,
  evaluatePlacement,
  regionGeography,
  parsePlacementRequest,
  PriceBook,
  renderCluster,
} from '@internal/plugin-multicloud-common';
import { fleetServiceRef } from '@internal/plugin-multicloud-node';
import { retrieveSchema } from '@rjsf/utils';
import formValidator from '@rjsf/validator-ajv8';
import express from 'express';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { LocalGitopsRepository } from './gitops/LocalGitopsRepository';
import { PORTAL_COMMITTER } from './actions/gitops/createPublishAction';
import { fakeFleet } from './__testUtils__/fakeFleet';
import { tempDir } from './__testUtils__/workspace';
import { scaffolderModuleMulticloud } from './module';

jest.setTimeout(120_000);

/**
 * The templates in templates/ run through the real scaffolder (its `/v2/dry-run` endpoint:
 * parameter schemas, `if`, template expressions, step outputs) with this module's actions,
 * the catalog, and a stand-in multicloud backend for placement.
 */
const TEMPLATES = path.resolve(__dirname, '../../../templates');
const template = (file: string) =>
  parse(fs.readFileSync(path.join(TEMPLATES, file), 'utf8'));

/** The multicloud backend's placement route, over an empty fleet (the real engine). */
const placementPlugin = createBackendPlugin({
  pluginId: 'multicloud',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        const router = express.Router();
        router.use(express.json());
        router.post('/placement/evaluate', (req, res) => {
          const parsed = parsePlacementRequest(req.body);
          if (!parsed.success) {
            res.status(400).json({
              error: {
                name: 'InputError',
                message: JSON.stringify(parsed.errors),
              },
            });
            return;
          }
          res.json(
            evaluatePlacement(
              buildPlacementIndex([], new PriceBook()),
              parsed.request,
            ),
          );
        });
        httpRouter.use(router);
      },
    });
  },
});

const CLUSTER_ENTITY = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'payments-prod',
    annotations: {
      'multicloud.io/cluster-ref': 'team-payments/payments-prod',
      'multicloud.io/gitops-path': 'clusters/aws/us-west-2/payments-prod',
      'multicloud.io/cloud': 'aws',
    },
  },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/team-payments' },
};
const SERVICE_ENTITY = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    annotations: { 'backstage.io/managed-by-location': 'file:/x' },
  },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
};

describe('templates through the scaffolder dry run', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let repo: ReturnType<typeof tempDir>;
  let repositoryPath: string;

  beforeAll(async () => {
    repo = tempDir('templates-repo-');
    repositoryPath = path.join(repo.dir, 'gitops.git');
    // The upgrade and scale templates edit what is on main: a merged production cluster.
    const rendered = renderCluster(
      {
        name: 'payments-prod',
        namespace: 'team-payments',
        cloud: 'aws',
        region: 'us-west-2',
        environment: 'production',
        kubernetesVersion: 'v1.33.1',
        owner: 'team-payments',
      },
      new PriceBook(),
    );
    const gitops = new LocalGitopsRepository(repositoryPath);
    await gitops.publish({
      branch: 'cluster/payments-prod',
      directory: rendered.directory,
      files: new Map(
        rendered.files.map(f => [
          f.path.slice(rendered.directory.length + 1),
          Buffer.from(f.content),
        ]),
      ),
      extraFiles: new Map(),
      message: 'New cluster',
      author: PORTAL_COMMITTER,
      committer: PORTAL_COMMITTER,
      dryRun: false,
    });
    execFileSync('git', [
      '--git-dir',
      repositoryPath,
      'update-ref',
      'refs/heads/main',
      'refs/heads/cluster/payments-prod',
    ]);

    ({ server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleMulticloud,
        placementPlugin,
        mockServices.rootConfig.factory({
          data: {
            multicloud: { gitops: { localRepositoryPath: repositoryPath } },
          },
        }),
        catalogServiceMock.factory({
          entities: [CLUSTER_ENTITY, SERVICE_ENTITY],
        }),
        createServiceFactory({
          service: fleetServiceRef,
          deps: {},
          factory: () => fakeFleet([]),
        }),
      ],
    }));
  });
  afterAll(() => repo.cleanup());

  const dryRun = async (file: string, values: Record<string, unknown>) => {
    const res = await request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header())
      .send({ template: template(file), values, directoryContents: [] });
    const log = (res.body.log ?? [])
      .map((l: any) => l.body?.message ?? '')
      .join('\n');
    return { status: res.status, body: res.body, log };
  };
  const heads = () =>
    execFileSync(
      'git',
      [
        '--git-dir',
        repositoryPath,
        'for-each-ref',
        '--format=%(refname) %(objectname)',
      ],
      { encoding: 'utf8' },
    );

  it('lists every template in templates/all.yaml', () => {
    const { spec } = parse(
      fs.readFileSync(path.join(TEMPLATES, 'all.yaml'), 'utf8'),
    );
    expect(spec.targets).toEqual([
      './new-cluster/template.yaml',
      './upgrade-cluster/template.yaml',
      './scale-worker-pool/template.yaml',
      './link-service/template.yaml',
    ]);
    for (const target of spec.targets)
      expect(template(target).kind).toBe('Template');
  });

  it('offers exactly the regions the default residency rules allow, per cloud and data class, in the form', () => {
    // Resolved as the scaffolder's form (rjsf) resolves it for the answers given so far: the
    // raw schema can be right while the form still shows no region field.
    const placement = template('new-cluster/template.yaml').spec.parameters[1];
    for (const cloud of CLOUDS) {
      for (const dataClass of placement.properties.dataClass.enum) {
        const allowed = allowedRegionsFor(
          cloud,
          dataClass === 'none' ? undefined : dataClass,
          DEFAULT_COMPLIANCE_RULES,
        ).regions.filter(region => regionGeography(region).cloud === cloud);
        const form = retrieveSchema(formValidator, placement, placement, {
          cloud,
          dataClass,
        });
        expect({
          cloud,
          dataClass,
          regions: (form.properties?.region as any)?.enum,
          required: form.required?.includes('region'),
        }).toEqual({ cloud, dataClass, regions: allowed, required: true });
      }
    }
  });

  it('new cluster on a chosen cloud and region: render, validate, publish (dry run: nothing pushed)', async () => {
    const before = heads();
    const { status, body, log } = await dryRun('new-cluster/template.yaml', {
      name: 'checkout-eu',
      namespace: 'team-web',
      owner: 'group:default/team-web',
      environment: 'production',
      dataClass: 'gdpr',
      cloud: 'azure',
      region: 'westeurope',
      flavor: 'kubeadm',
      mode: 'full',
      size: 'medium',
      kubernetesVersion: 'v1.33.1',
      mesh: true,
      failoverTarget: 'resource:default/payments-prod',
      failoverMode: 'manual',
    });
    expect(status).toBe(200);
    expect(log).not.toMatch(/error/i);
    expect(log).toContain('Dry run: would commit to cluster/checkout-eu');
    const text = body.output.text.map((t: any) => t.content).join('\n');
    expect(text).toContain('Branch **`cluster/checkout-eu`**');
    expect(text).toContain('| Cloud / region | Azure westeurope |');
    expect(text).toContain(
      '| Data residency | pass | Region westeurope is allowed for data class gdpr. |',
    );
    expect(text).toContain(
      '| Failover | team-payments/payments-prod (manual) |',
    );
    expect(text).toContain('| Service mesh | enrolled (Istio) |');
    expect(text).toMatch(
      /Estimated cost: \*\*\$\d+(\.\d+)?\/month\*\* \(USD\), up to \$\d+(\.\d+)?\/month at the autoscaler maximum \(exact\)/,
    );
    expect(heads()).toBe(before);
  });

  it('new cluster with "choose for me": the placement advisor picks a compliant cloud and region', async () => {
    const { status, body, log } = await dryRun('new-cluster/template.yaml', {
      name: 'search-us',
      owner: 'group:default/team-search',
      environment: 'staging',
      dataClass: 'ccpa',
      cloud: 'auto',
      cpu: 2,
      memory: 4,
      replicas: 4,
      flavor: 'managed',
      size: 'medium',
      kubernetesVersion: 'v1.33.1',
      mesh: false,
    });
    expect(status).toBe(200);
    expect(log).toContain('Recommended new cluster:');
    const text = body.output.text.map((t: any) => t.content).join('\n');
    expect(text).toMatch(
      /\| Cloud \/ region \| (AWS us-west-2|Azure westus2|GCP us-west1) \|/,
    );
  });

  it('refuses a region outside the data class in the form itself', async () => {
    const { status, body } = await dryRun('new-cluster/template.yaml', {
      name: 'x',
      owner: 'group:default/team-web',
      environment: 'production',
      dataClass: 'gdpr',
      cloud: 'aws',
      region: 'us-east-1',
      flavor: 'kubeadm',
      size: 'medium',
      kubernetesVersion: 'v1.33.1',
    });
    expect(status).toBe(400);
    expect(JSON.stringify(body.errors)).toContain('region');
  });

  it('upgrade: checks out main, patches the control plane version, validates, publishes', async () => {
    const { status, body, log } = await dryRun(
      'upgrade-cluster/template.yaml',
      {
        cluster: 'resource:default/payments-prod',
        kubernetesVersion: 'v1.34.1',
      },
    );
    expect(status).toBe(200);
    expect(log).toContain(
      'Dry run: would commit to change/team-payments/payments-prod/kubernetes-v1.34.1',
    );
    const text = body.output.text.map((t: any) => t.content).join('\n');
    expect(text).toContain('| spec.version | v1.33.1 | v1.34.1 |');
    expect(text).toContain(
      'Workers stay on v1.33.1 until the control plane runs v1.34.1',
    );
  });

  it('scale: patches the autoscaler bounds of the worker pool', async () => {
    const { status, body } = await dryRun('scale-worker-pool/template.yaml', {
      cluster: 'resource:default/payments-prod',
      minNodes: 4,
      maxNodes: 12,
    });
    expect(status).toBe(200);
    const text = body.output.text.map((t: any) => t.content).join('\n');
    expect(text).toContain(
      'cluster-api-autoscaler-node-group-min-size | 3 | 4 |',
    );
    expect(text).toContain(
      'cluster-api-autoscaler-node-group-max-size | 10 | 12 |',
    );
  });

  it('link a service: starts its catalog-info.yaml from the catalog and adds dependsOn', async () => {
    const { status, log } = await dryRun('link-service/template.yaml', {
      service: 'component:default/payments-api',
      clusters: ['resource:default/payments-prod'],
    });
    expect(status).toBe(200);
    expect(log).toContain(
      'Added resource:default/payments-prod to spec.dependsOn of component:default/payments-api',
    );
    expect(log).toContain(
      'Dry run: would commit to service/payments-api/link-clusters',
    );
  });
});
