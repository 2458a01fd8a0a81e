import type { Config } from '@backstage/config';
import path from 'node:path';

/** The embedded default's local GitOps repository (`multicloud.gitops`). */
export interface GitopsConfig {
  /** Absolute path of the bare repository; undefined when not configured. */
  repositoryPath?: string;
  /** Branch that proposals start from. */
  baseBranch: string;
}

/** Relative paths resolve from the backend's working directory, as file locations do. */
export function readGitopsConfig(config: Config): GitopsConfig {
  const configured = config.getOptionalString(
    'multicloud.gitops.localRepositoryPath',
  );
  return {
    repositoryPath: configured
      ? path.resolve(process.cwd(), configured)
      : undefined,
    baseBranch:
      config.getOptionalString('multicloud.gitops.baseBranch') ?? 'main',
  };
}
