/** A rendered Kubernetes object: the fields every manifest has are required here. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: any;
}

/** A file of the GitOps layout, path relative to the repository root. */
export interface RenderedFile {
  path: string;
  content: string;
}
