import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readManagementClusters } from './ManagementClusterConfig';

const kubeconfigYaml = `
apiVersion: v1
kind: Config
clusters:
  - name: mgmt
    cluster: { server: 'https://127.0.0.1:6443', insecure-skip-tls-verify: true }
  - name: other
    cluster: { server: 'https://10.0.0.1:6443' }
users:
  - name: admin
    user: { token: abc }
contexts:
  - name: mgmt
    context: { cluster: mgmt, user: admin }
  - name: other
    context: { cluster: other, user: admin }
current-context: mgmt
`;

describe('readManagementClusters', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-'));
    fs.writeFileSync(path.join(dir, 'kubeconfig'), kubeconfigYaml);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('loads a kubeconfig file and honours the context', () => {
    const [cluster] = readManagementClusters(
      new ConfigReader({
        multicloud: {
          managementClusters: [
            {
              name: 'a',
              kubeconfig: {
                path: path.join(dir, 'kubeconfig'),
                context: 'other',
              },
            },
          ],
        },
      }),
    );
    expect(cluster.name).toBe('a');
    expect(cluster.kubeConfig.getCurrentCluster()?.server).toBe(
      'https://10.0.0.1:6443',
    );
  });

  it('builds a kubeconfig from url, token and CA', () => {
    const [cluster] = readManagementClusters(
      new ConfigReader({
        multicloud: {
          managementClusters: [
            {
              name: 'b',
              url: 'https://mgmt.example:6443',
              token: 't0k',
              caData: 'Q0E=',
            },
          ],
        },
      }),
    );
    expect(cluster.kubeConfig.getCurrentCluster()).toMatchObject({
      server: 'https://mgmt.example:6443',
      caData: 'Q0E=',
      skipTLSVerify: false,
    });
    expect(cluster.kubeConfig.getCurrentUser()?.token).toBe('t0k');
  });

  it('rejects an entry with no or several connection modes, naming the entry', () => {
    expect(() =>
      readManagementClusters(
        new ConfigReader({
          multicloud: { managementClusters: [{ name: 'c' }] },
        }),
      ),
    ).toThrow(
      'multicloud.managementClusters[0]: set exactly one of kubeconfig, inCluster or url (found none)',
    );
    expect(() =>
      readManagementClusters(
        new ConfigReader({
          multicloud: {
            managementClusters: [
              { name: 'd', url: 'https://x', inCluster: true },
            ],
          },
        }),
      ),
    ).toThrow('found inCluster, url');
  });

  it('rejects duplicate names and unknown contexts', () => {
    const file = path.join(dir, 'kubeconfig');
    expect(() =>
      readManagementClusters(
        new ConfigReader({
          multicloud: {
            managementClusters: [
              { name: 'x', url: 'https://a' },
              { name: 'x', url: 'https://b' },
            ],
          },
        }),
      ),
    ).toThrow("'x' is used twice");
    expect(() =>
      readManagementClusters(
        new ConfigReader({
          multicloud: {
            managementClusters: [
              { name: 'y', kubeconfig: { path: file, context: 'nope' } },
            ],
          },
        }),
      ),
    ).toThrow("no context named 'nope'");
  });

  it('returns no clusters when none are configured', () => {
    expect(readManagementClusters(new ConfigReader({}))).toEqual([]);
  });
});
