import { mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  DEFAULT_COMPLIANCE_RULES,
  PriceBook,
} from '@internal/plugin-multicloud-common';
import fs from 'node:fs';
import path from 'node:path';
import { clusterInput } from '../../__testUtils__/clusterInputs';
import { fakeFleet } from '../../__testUtils__/fakeFleet';
import { outputsOf, tempDir } from '../../__testUtils__/workspace';
import { createRenderAction } from '../render/createRenderAction';
import { createValidateAction } from './createValidateAction';

const prices = new PriceBook();
const render = createRenderAction({ prices });

describe('multicloud:manifests:validate', () => {
  let workspace: ReturnType<typeof tempDir>;
  beforeEach(() => {
    workspace = tempDir('validate-');
  });
  afterEach(() => workspace.cleanup());

  const renderInto = async (overrides: Record<string, unknown> = {}) => {
    const ctx = createMockActionContext({
      input: clusterInput(overrides) as any,
      workspacePath: workspace.dir,
    });
    await render.handler(ctx as any);
    return outputsOf(ctx).path as string;
  };
  const validate = async (
    input: Record<string, unknown>,
    fleet = fakeFleet([]),
  ) => {
    const action = createValidateAction({
      fleet,
      rules: DEFAULT_COMPLIANCE_RULES,
      prices,
    });
    const logger = mockServices.logger.mock();
    const ctx = createMockActionContext({
      input: input as any,
      workspacePath: workspace.dir,
      logger,
    });
    await action.handler(ctx as any);
    return outputsOf(ctx);
  };
  const edit = (
    dir: string,
    file: string,
    from: string | RegExp,
    to: string,
  ) => {
    const full = path.join(workspace.dir, dir, file);
    const before = fs.readFileSync(full, 'utf8');
    const after = before.replace(from, to);
    expect(after).not.toBe(before);
    fs.writeFileSync(full, after);
  };

  it('passes rendered manifests and reports compliance and cost', async () => {
    const dir = await renderInto();
    const out = await validate({ path: dir, maxMonthlyCost: 5000 });
    expect(out.compliant).toBe(true);
    expect(out.report).toContain('#### Validation: passed (8 objects)');
    expect(out.report).toContain(
      '| Data residency | pass | Region us-west-2 is allowed for data class ccpa. |',
    );
    expect(out.monthlyCost.maximum).toBeLessThan(5000);
  });

  it('validates a topology cluster with the cloud taken from its directory', async () => {
    const dir = await renderInto({
      cloud: 'gcp',
      region: 'us-west1',
      mode: 'topology',
    });
    const out = await validate({ path: dir });
    expect(out.report).toContain('| Data residency | pass |');
    expect(out.monthlyCost.minimum).toBeGreaterThan(0);
  });

  it('lists every problem with its file and field path, and fails the task', async () => {
    const dir = await renderInto();
    edit(dir, 'control-plane.yaml', 'replicas: 3', 'replicas: three');
    edit(dir, 'workers.yaml', 'instanceType: ', 'instanceTyp: ');
    edit(dir, 'cluster.yaml', 'region: us-west-2', 'region: eu-west-1');
    edit(
      dir,
      'workers.yaml',
      /encrypted: true\n(?![\s\S]*encrypted: true)/,
      'encrypted: false\n',
    );
    fs.writeFileSync(
      path.join(workspace.dir, dir, 'kustomization.yaml'),
      'resources:\n  - cluster.yaml\n  - control-plane.yaml\n  - workers.yaml\n  - machine-health-checks.yaml\n  - secret.yaml\n  - ../outside.yaml\n',
    );
    fs.writeFileSync(
      path.join(workspace.dir, dir, 'secret.yaml'),
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: Bad_Name\n',
    );
    const error = await validate(
      { path: dir },
      fakeFleet([{ ref: 'team-payments/payments-prod' }]),
    ).catch(e => e);
    expect(error.name).toBe('InputError');
    const lines = error.message.split('\n');
    expect(lines[0]).toMatch(
      /^Manifest validation failed with \d+ problem\(s\):$/,
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        '- kustomization.yaml: lists ../outside.yaml, which is not a file of the directory [files]',
        expect.stringMatching(
          /^- control-plane.yaml KubeadmControlPlane team-payments\/payments-prod-control-plane spec.replicas: .*integer.* \[schema\]$/,
        ),
        expect.stringMatching(
          /^- workers.yaml AWSMachineTemplate team-payments\/payments-prod-md-0 spec.template.spec.instanceType: Required value \[schema\]$/,
        ),
        '- workers.yaml AWSMachineTemplate team-payments/payments-prod-md-0 spec.template.spec.instanceTyp: unknown field: the schema does not declare it, so the API server would drop it [schema]',
        expect.stringMatching(
          /^- secret.yaml Secret default\/Bad_Name: Secrets must not be committed/,
        ),
        expect.stringMatching(
          /^- secret.yaml Secret default\/Bad_Name metadata.name: 'Bad_Name' must be a DNS-1123 subdomain/,
        ),
        '- cluster.yaml Cluster team-payments/payments-prod metadata.name: a cluster team-payments/payments-prod already exists in the live fleet; choose another name or namespace [fleet]',
        expect.stringMatching(
          /^- cluster.yaml AWSCluster team-payments\/payments-prod spec.region: Data residency \(critical\): Region eu-west-1 is not allowed for data class ccpa\. Rule: dataClasses.ccpa.allowedRegions = \[us-west-2, westus2, us-west1\]/,
        ),
        expect.stringMatching(
          /^- workers.yaml AWSMachineTemplate team-payments\/payments-prod-md-0 spec.template.spec.rootVolume.encrypted: Node disk encryption \(high\)/,
        ),
      ]),
    );
  });

  it('fails a cluster over the budget at its autoscaler maximum', async () => {
    const dir = await renderInto();
    await expect(validate({ path: dir, maxMonthlyCost: 1000 })).rejects.toThrow(
      /Cluster team-payments\/payments-prod: at its autoscaler maximum the cluster costs \$1612\/month, over the budget of \$1000\/month/,
    );
  });

  it('refuses to decide on a fleet that has not synced, unless the fleet check is off', async () => {
    const dir = await renderInto();
    await expect(validate({ path: dir }, fakeFleet([], false))).rejects.toThrow(
      /has not finished syncing/,
    );
    await expect(
      validate(
        { path: dir, checkFleet: false },
        fakeFleet([{ ref: 'team-payments/payments-prod' }], false),
      ),
    ).resolves.toMatchObject({ compliant: true });
  });

  it('cannot verify a budget when a price is unknown', async () => {
    const dir = await renderInto({ instanceType: 'x9.huge' });
    await expect(
      validate({ path: dir, maxMonthlyCost: 100000 }),
    ).rejects.toThrow(
      /budget of \$100000\/month cannot be verified: 1 cost line\(s\) have no known price/,
    );
  });
});
