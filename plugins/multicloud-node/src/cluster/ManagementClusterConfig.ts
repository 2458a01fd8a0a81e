import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { KubeConfig } from '@kubernetes/client-node';

/**
 * How the backend reaches one management cluster. Exactly one of `kubeconfig`,
 * `inCluster` or `url` is set; the same code path serves a real cluster and the simulator.
 */
export interface ManagementClusterConfig {
  name: string;
  kubeConfig: KubeConfig;
}

/** Reads `multicloud.managementClusters[]`; throws a config error naming the entry and field. */
export function readManagementClusters(
  config: Config,
): ManagementClusterConfig[] {
  const entries =
    config.getOptionalConfigArray('multicloud.managementClusters') ?? [];
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    const name = entry.getString('name');
    if (seen.has(name)) {
      throw new InputError(
        `multicloud.managementClusters[${index}].name: '${name}' is used twice; names identify clusters and must be unique`,
      );
    }
    seen.add(name);
    return {
      name,
      kubeConfig: toKubeConfig(
        entry,
        `multicloud.managementClusters[${index}]`,
      ),
    };
  });
}

function toKubeConfig(entry: Config, path: string): KubeConfig {
  const kubeConfig = new KubeConfig();
  const modes = ['kubeconfig', 'inCluster', 'url'].filter(key =>
    entry.has(key),
  );
  if (modes.length !== 1) {
    throw new InputError(
      `${path}: set exactly one of kubeconfig, inCluster or url (found ${
        modes.length ? modes.join(', ') : 'none'
      })`,
    );
  }
  if (entry.has('kubeconfig')) {
    kubeConfig.loadFromFile(entry.getString('kubeconfig.path'));
    const context = entry.getOptionalString('kubeconfig.context');
    if (context) {
      if (!kubeConfig.getContextObject(context)) {
        throw new InputError(
          `${path}.kubeconfig.context: no context named '${context}' in the kubeconfig`,
        );
      }
      kubeConfig.setCurrentContext(context);
    }
  } else if (entry.getOptionalBoolean('inCluster')) {
    kubeConfig.loadFromCluster();
  } else if (entry.has('url')) {
    const name = entry.getString('name');
    kubeConfig.loadFromOptions({
      clusters: [
        {
          name,
          server: entry.getString('url'),
          caData: entry.getOptionalString('caData'),
          caFile: entry.getOptionalString('caFile'),
          skipTLSVerify: entry.getOptionalBoolean('skipTLSVerify') ?? false,
        },
      ],
      users: [{ name, token: entry.getOptionalString('token') }],
      contexts: [{ name, cluster: name, user: name }],
      currentContext: name,
    });
  } else {
    throw new InputError(`${path}.inCluster: must be true when used`);
  }
  return kubeConfig;
}
