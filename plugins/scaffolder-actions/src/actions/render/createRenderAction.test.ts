import { mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  MULTICLOUD_LABELS,
  PriceBook,
} from '@internal/plugin-multicloud-common';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { clusterInput } from '../../__testUtils__/clusterInputs';
import { outputsOf, tempDir } from '../../__testUtils__/workspace';
import { createRenderAction } from './createRenderAction';

const action = createRenderAction({ prices: new PriceBook() });
const firstObject = (file: string) =>
  parseAllDocuments(fs.readFileSync(file, 'utf8'))[0].toJS();

describe('multicloud:cluster:render', () => {
  let workspace: ReturnType<typeof tempDir>;
  beforeEach(() => {
    workspace = tempDir('render-');
  });
  afterEach(() => workspace.cleanup());

  const run = async (input: Record<string, unknown>) => {
    const ctx = createMockActionContext({
      input: input as any,
      workspacePath: workspace.dir,
      logger: mockServices.logger.mock(),
    });
    await action.handler(ctx as any);
    return outputsOf(ctx);
  };

  it('writes the GitOps layout and reports files, cost and a summary', async () => {
    const out = await run(clusterInput({ targetPath: 'gitops' }));
    expect(out.path).toBe('gitops/clusters/aws/us-west-2/payments-prod');
    expect(out.repositoryPath).toBe('clusters/aws/us-west-2/payments-prod');
    expect(out.files).toEqual([
      'gitops/clusters/aws/us-west-2/payments-prod/cluster.yaml',
      'gitops/clusters/aws/us-west-2/payments-prod/control-plane.yaml',
      'gitops/clusters/aws/us-west-2/payments-prod/workers.yaml',
      'gitops/clusters/aws/us-west-2/payments-prod/machine-health-checks.yaml',
      'gitops/clusters/aws/us-west-2/payments-prod/kustomization.yaml',
    ]);
    for (const file of out.files)
      expect(fs.existsSync(path.join(workspace.dir, file))).toBe(true);
    const cluster = firstObject(path.join(workspace.dir, out.files[0]));
    // Catalog refs become the label values the fleet reads.
    expect(cluster.metadata.labels).toMatchObject({
      [MULTICLOUD_LABELS.owner]: 'team-payments',
      [MULTICLOUD_LABELS.system]: 'payments',
      [MULTICLOUD_LABELS.dataClass]: 'ccpa',
    });
    expect(out.monthlyCost).toMatchObject({
      currency: 'USD',
      provenance: 'estimated',
      priceDate: '2026-11-24',
    });
    expect(out.monthlyCost.maximum).toBeGreaterThan(out.monthlyCost.minimum);
    expect(out.monthlyCost.notes.join(' ')).toContain(
      'us-east-1 price used for us-west-2',
    );
    expect(out.summary).toContain('### Cluster `team-payments/payments-prod`');
    expect(out.summary).toContain(
      '3 control-plane node(s), 3–10 workers (autoscaled)',
    );
    expect(out.summary).toContain('mirrors aws-cluster-template.yaml');
    expect(out.summary).toMatch(
      /\*\*Estimated cost:\*\* \$[\d,]+\/month at the autoscaler minimum, up to \$[\d,]+\/month at the maximum/,
    );
  });

  it('maps `none` to no data class, and failover targets to the policy annotations', async () => {
    await run(
      clusterInput({
        dataClass: 'none',
        failoverTarget: 'team-payments/payments-dr, default/other',
        failoverMode: 'automatic',
      }),
    );
    const cluster = firstObject(
      path.join(
        workspace.dir,
        'clusters/aws/us-west-2/payments-prod/cluster.yaml',
      ),
    );
    expect(
      cluster.metadata.labels[MULTICLOUD_LABELS.dataClass],
    ).toBeUndefined();
    expect(cluster.metadata.annotations).toEqual({
      'multicloud.io/failover-target':
        'team-payments/payments-dr,default/other',
      'multicloud.io/failover-mode': 'automatic',
    });
  });

  it('renders every cloud and flavor', async () => {
    for (const [cloud, region] of [
      ['azure', 'westeurope'],
      ['gcp', 'europe-west1'],
    ]) {
      for (const flavor of ['kubeadm', 'managed']) {
        const out = await run(
          clusterInput({
            cloud,
            region,
            flavor,
            dataClass: 'gdpr',
            name: `${cloud}-${flavor}`,
          }),
        );
        expect(out.path).toBe(`clusters/${cloud}/${region}/${cloud}-${flavor}`);
      }
    }
  });

  it.each([
    [{ name: 'Payments' }, /name: must be a DNS-1123 label/],
    [
      { owner: 'group:other/team' },
      /owner: only groups of the default namespace/,
    ],
    [{ owner: 'user:default/guest' }, /owner: must be a group, got user/],
    [
      { cloud: 'aws', mode: 'topology' },
      /CAPA v2.11.1 ships no kubeadm ClusterClass/,
    ],
    [
      { kubernetesVersion: 'latest' },
      /kubernetesVersion: must be a Kubernetes version/,
    ],
  ])('refuses %j with the field named', async (overrides, message) => {
    await expect(run(clusterInput(overrides))).rejects.toThrow(message);
    expect(fs.readdirSync(workspace.dir)).toEqual([]);
  });
});
