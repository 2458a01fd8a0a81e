import { parseClusterKubeconfig } from './parseClusterKubeconfig';

const kubeconfig = (user: string) => `
apiVersion: v1
kind: Config
clusters:
  - name: c1
    cluster:
      server: https://127.0.0.1:6443/workload/default/c1
      certificate-authority-data: Q0FEQVRB
contexts:
  - name: c1-admin@c1
    context: { cluster: c1, user: c1-admin }
current-context: c1-admin@c1
users:
  - name: c1-admin
    user:
${user}
`;

describe('parseClusterKubeconfig', () => {
  it('reads a token kubeconfig', () => {
    expect(parseClusterKubeconfig(kubeconfig('      token: SECRET-TOKEN'))).toEqual({
      url: 'https://127.0.0.1:6443/workload/default/c1',
      caData: 'Q0FEQVRB',
      skipTLSVerify: false,
      credentials: { type: 'token', token: 'SECRET-TOKEN' },
    });
  });

  it('reads a client-certificate kubeconfig', () => {
    const access = parseClusterKubeconfig(
      kubeconfig('      client-certificate-data: Q0VSVA==\n      client-key-data: S0VZ'),
    );
    expect(access.credentials).toEqual({
      type: 'client-certificate',
      certData: 'Q0VSVA==',
      keyData: 'S0VZ',
    });
  });

  it('fails without echoing secret material', () => {
    const broken = kubeconfig('      username: SECRET-MARKER');
    expect(() => parseClusterKubeconfig(broken)).toThrow(
      'kubeconfig user has neither a token nor client certificate data',
    );
    expect(() => parseClusterKubeconfig(broken)).not.toThrow(/SECRET-MARKER/);
    expect(() => parseClusterKubeconfig('clusters: [')).toThrow('kubeconfig is not valid YAML');
  });
});
