import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import { outputsOf, tempDir } from '../../__testUtils__/workspace';
import { createLinkClustersAction } from './createLinkClustersAction';

const CATALOG = `# Owned by the payments team
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments-api
spec:
  type: service
  owner: team-payments
  dependsOn:
    - resource:default/payments-db # the ledger
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: payments
spec:
  type: openapi
`;

describe('multicloud:service:link-clusters', () => {
  let workspace: ReturnType<typeof tempDir>;
  beforeEach(() => {
    workspace = tempDir('link-');
  });
  afterEach(() => workspace.cleanup());

  const link = async (input: Record<string, unknown>) => {
    const ctx = createMockActionContext({
      input: input as any,
      workspacePath: workspace.dir,
    });
    await createLinkClustersAction().handler(ctx as any);
    return outputsOf(ctx);
  };

  it('appends new clusters to dependsOn of the right entity as a minimal patch', async () => {
    fs.mkdirSync(path.join(workspace.dir, 'services/payments-api'), {
      recursive: true,
    });
    const file = path.join(
      workspace.dir,
      'services/payments-api/catalog-info.yaml',
    );
    fs.writeFileSync(file, CATALOG);
    const out = await link({
      path: 'services/payments-api/catalog-info.yaml',
      entityRef: 'component:default/payments-api',
      clusters: [
        'resource:default/trustram-aws-cluster',
        'Resource:default/PAYMENTS-DB',
        'trustram-gcp-cluster',
      ],
    });
    expect(out).toMatchObject({
      changed: true,
      created: false,
      added: [
        'resource:default/trustram-aws-cluster',
        'resource:default/trustram-gcp-cluster',
      ],
      dependsOn: [
        'resource:default/payments-db',
        'resource:default/trustram-aws-cluster',
        'resource:default/trustram-gcp-cluster',
      ],
    });
    expect(fs.readFileSync(file, 'utf8')).toBe(
      CATALOG.replace(
        '    - resource:default/payments-db # the ledger\n',
        '    - resource:default/payments-db # the ledger\n    - resource:default/trustram-aws-cluster\n    - resource:default/trustram-gcp-cluster\n',
      ),
    );
    const again = await link({
      path: 'services/payments-api/catalog-info.yaml',
      entityRef: 'payments-api',
      clusters: ['resource:default/trustram-aws-cluster'],
    });
    expect(again).toMatchObject({ changed: false, added: [] });
  });

  it('starts a catalog-info.yaml from the catalog entity, without what the catalog added', async () => {
    const out = await link({
      entityRef: 'component:default/checkout-web',
      clusters: ['resource:default/trustram-aws-cluster'],
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'checkout-web',
          namespace: 'default',
          uid: 'abc',
          etag: 'def',
          annotations: {
            'backstage.io/managed-by-location': 'file:/x',
            'backstage.io/kubernetes-id': 'checkout-web',
          },
        },
        spec: { type: 'website', owner: 'team-web', lifecycle: 'production' },
        relations: [{ type: 'ownedBy', targetRef: 'group:default/team-web' }],
      },
    });
    expect(out).toMatchObject({
      created: true,
      added: ['resource:default/trustram-aws-cluster'],
    });
    const written = fs.readFileSync(
      path.join(workspace.dir, 'catalog-info.yaml'),
      'utf8',
    );
    expect(written).toContain('backstage.io/kubernetes-id: checkout-web');
    expect(written).toContain(
      'dependsOn:\n    - resource:default/trustram-aws-cluster\n',
    );
    expect(written).not.toMatch(/uid|etag|managed-by-location|relations/);
  });

  it('refuses paths outside the workspace and unknown entities', async () => {
    await expect(
      link({ path: '../catalog-info.yaml', entityRef: 'x', clusters: ['y'] }),
    ).rejects.toThrow(
      "path: must stay inside the workspace ('..' is not allowed)",
    );
    fs.writeFileSync(path.join(workspace.dir, 'catalog-info.yaml'), CATALOG);
    await expect(
      link({ entityRef: 'component:default/other', clusters: ['y'] }),
    ).rejects.toThrow(
      'catalog-info.yaml has no entity component:default/other',
    );
    await expect(
      link({ entityRef: 'payments-api', clusters: ['not a ref'] }),
    ).rejects.toThrow("clusters: 'not a ref' is not an entity reference");
  });
});
