import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  CAPI_AUTOSCALER_ANNOTATIONS,
  PriceBook,
} from '@internal/plugin-multicloud-common';
import fs from 'node:fs';
import path from 'node:path';
import { clusterInput } from '../../__testUtils__/clusterInputs';
import { outputsOf, tempDir } from '../../__testUtils__/workspace';
import { createRenderAction } from '../render/createRenderAction';
import { createEditAction } from './createEditAction';

describe('multicloud:manifests:edit', () => {
  let workspace: ReturnType<typeof tempDir>;
  let dir: string;
  beforeEach(async () => {
    workspace = tempDir('edit-');
    const ctx = createMockActionContext({
      input: clusterInput() as any,
      workspacePath: workspace.dir,
    });
    await createRenderAction({ prices: new PriceBook() }).handler(ctx as any);
    dir = outputsOf(ctx).path;
    // A comment a person added in Git: a day-2 edit must keep it.
    const workers = path.join(workspace.dir, dir, 'workers.yaml');
    fs.writeFileSync(
      workers,
      fs
        .readFileSync(workers, 'utf8')
        .replace(
          '    cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size: "10"',
          '    cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size: "10" # agreed with finance',
        ),
    );
  });
  afterEach(() => workspace.cleanup());

  const edit = async (input: Record<string, unknown>) => {
    const ctx = createMockActionContext({
      input: { path: dir, ...input } as any,
      workspacePath: workspace.dir,
    });
    await createEditAction().handler(ctx as any);
    return outputsOf(ctx);
  };
  const read = (file: string) =>
    fs.readFileSync(path.join(workspace.dir, dir, file), 'utf8');

  it('upgrades the control plane and writes only the changed file', async () => {
    const before = read('workers.yaml');
    const out = await edit({ kubernetesVersion: 'v1.34.0' });
    expect(out.changedFiles).toEqual([`${dir}/control-plane.yaml`]);
    expect(out.changes).toEqual([
      expect.objectContaining({
        field: 'spec.version',
        from: 'v1.33.1',
        to: 'v1.34.0',
      }),
    ]);
    expect(out.notes[0]).toMatch(/^Workers stay on v1.33.1/);
    expect(out.summary).toContain(
      '| control-plane.yaml | KubeadmControlPlane team-payments/payments-prod-control-plane | spec.version | v1.33.1 | v1.34.0 |',
    );
    expect(read('control-plane.yaml')).toContain('  version: v1.34.0\n');
    expect(read('workers.yaml')).toBe(before);
  });

  it('scales the worker pool, keeping the comment', async () => {
    const out = await edit({ scale: { minNodes: 4, maxNodes: 12 } });
    expect(out.changed).toBe(true);
    const workers = read('workers.yaml');
    expect(workers).toContain(`${CAPI_AUTOSCALER_ANNOTATIONS.minSize}: "4"\n`);
    expect(workers).toContain(
      `${CAPI_AUTOSCALER_ANNOTATIONS.maxSize}: "12" # agreed with finance\n`,
    );
  });

  it('does both in one change', async () => {
    const out = await edit({
      kubernetesVersion: 'v1.34.0',
      scale: { minNodes: 3, maxNodes: 6 },
    });
    expect(out.changedFiles.sort()).toEqual([
      `${dir}/control-plane.yaml`,
      `${dir}/workers.yaml`,
    ]);
  });

  it('refuses nothing to do, a skipped minor, and impossible bounds', async () => {
    await expect(edit({})).rejects.toThrow(
      'set kubernetesVersion, scale, or both',
    );
    await expect(edit({ kubernetesVersion: 'v1.35.0' })).rejects.toThrow(
      /Cannot edit the manifests: .*one minor version at a time/,
    );
    await expect(edit({ scale: { minNodes: 5, maxNodes: 2 } })).rejects.toThrow(
      /minNodes \(5\) must not exceed maxNodes \(2\)/,
    );
  });
});
