import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  capturingLogger,
  findLeaks,
  leakNeedles,
  secretMaterial,
  startSimulator,
  type Simulator,
} from '@internal/capi-simulator';
import {
  DEFAULT_COMPLIANCE_RULES,
  PriceBook,
} from '@internal/plugin-multicloud-common';
import {
  KubeListWatchClient,
  WatchCache,
} from '@internal/plugin-multicloud-node';
import { KubeConfig } from '@kubernetes/client-node';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createEditAction } from './actions/edit/createEditAction';
import { createCheckoutAction } from './actions/gitops/createCheckoutAction';
import { createPublishAction } from './actions/gitops/createPublishAction';
import { createRenderAction } from './actions/render/createRenderAction';
import { createLinkClustersAction } from './actions/service/createLinkClustersAction';
import { createValidateAction } from './actions/validate/createValidateAction';
import { clusterInput } from './__testUtils__/clusterInputs';
import { outputsOf, tempDir } from './__testUtils__/workspace';

/**
 * A template's whole path (render → validate against the live fleet → edit → link → publish →
 * checkout) next to a simulated management cluster whose tokens all carry a marker: no action
 * output, log line, workspace file or commit of the GitOps repository contains any of them.
 * (The placement action's own service token is checked in its unit test.)
 */
jest.setTimeout(60_000);

const MARKER = `MCSECRET${Date.now().toString(36)}SCAF`;

describe('scaffolder actions never output or log kubeconfig material', () => {
  const logs: string[] = [];
  const outputs: string[] = [];
  let sim: Simulator;
  let fleet: WatchCache;
  let workspace: ReturnType<typeof tempDir>;
  let remote: ReturnType<typeof tempDir>;

  beforeAll(async () => {
    sim = await startSimulator({ autoTick: false, secretMarker: MARKER });
    const kc = new KubeConfig();
    kc.loadFromString(sim.kubeconfig);
    fleet = new WatchCache({
      managementClusters: [
        { name: 'sim', client: new KubeListWatchClient(kc) },
      ],
      logger: capturingLogger(logs) as any,
      debounceMs: 20,
    });
    await fleet.start();
    const deadline = Date.now() + 20_000;
    while (!fleet.getStatus().synced) {
      if (Date.now() > deadline) throw new Error('the fleet did not sync');
      await new Promise(r => setTimeout(r, 25));
    }
    workspace = tempDir('secrets-ws-');
    remote = tempDir('secrets-repo-');
  });
  afterAll(async () => {
    await fleet?.stop();
    await sim?.close();
    workspace?.cleanup();
    remote?.cleanup();
  });

  const run = async (action: { handler: Function }, input: object) => {
    const ctx = createMockActionContext({
      input: input as any,
      workspacePath: workspace.dir,
      logger: capturingLogger(logs) as any,
    });
    await action.handler(ctx);
    const out = outputsOf(ctx);
    outputs.push(JSON.stringify(out));
    return out;
  };

  it('keeps tokens out of outputs, logs, workspace files and commits', async () => {
    const prices = new PriceBook();
    const gitops = {
      repositoryPath: path.join(remote.dir, 'gitops.git'),
      baseBranch: 'main',
    };
    const rendered = await run(
      createRenderAction({ prices }),
      clusterInput({ targetPath: 'out' }),
    );
    const validated = await run(
      createValidateAction({ fleet, rules: DEFAULT_COMPLIANCE_RULES, prices }),
      { path: rendered.path },
    );
    // The live fleet was consulted: the seeded clusters are in it.
    expect(fleet.getFleet().clusters.length).toBe(3);
    expect(validated.compliant).toBe(true);
    await run(createEditAction(), {
      path: rendered.path,
      kubernetesVersion: 'v1.34.0',
    });
    await run(createLinkClustersAction(), {
      entityRef: 'component:default/payments-api',
      clusters: ['resource:default/payments-prod'],
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'payments-api' },
        spec: { type: 'service' },
      },
    });
    await run(createPublishAction({ gitops }), {
      sourcePath: rendered.path,
      targetPath: rendered.repositoryPath,
      branch: 'cluster/payments-prod',
      title: 'New cluster payments-prod',
      description: validated.report,
    });
    await run(createCheckoutAction({ gitops }), {
      repositoryPath: rendered.repositoryPath,
      ref: 'cluster/payments-prod',
      targetPath: 'checked-out',
    });

    const files = fs
      .readdirSync(workspace.dir, { recursive: true, withFileTypes: true })
      .filter(entry => entry.isFile())
      .map(entry =>
        fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'),
      );
    const commits = execFileSync(
      'git',
      ['--git-dir', gitops.repositoryPath, 'log', '--all', '-p'],
      { encoding: 'utf8' },
    );
    expect(commits).toContain('payments-prod');

    const secrets = secretMaterial(sim.token, sim.store.list('v1', 'Secret'));
    expect(secrets.filter(s => s.startsWith(`${MARKER}.`))).toHaveLength(4);
    const needles = leakNeedles([MARKER, ...secrets]);
    expect(
      findLeaks([...outputs, ...logs, ...files, commits], needles),
    ).toEqual([]);
  });
});
