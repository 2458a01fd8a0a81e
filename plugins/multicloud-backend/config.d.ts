export interface Config {
  /** Configuration of the multicloud portal plugins. */
  multicloud?: {
    /**
     * Management clusters running Cluster API. Each entry sets exactly one of `kubeconfig`,
     * `inCluster` or `url`. Several entries are merged into one fleet; the entry name is part
     * of each cluster's identity.
     */
    managementClusters?: Array<{
      /** Unique name of the management cluster. */
      name: string;
      /** Read a kubeconfig file (optionally a named context). */
      kubeconfig?: {
        path: string;
        context?: string;
      };
      /** Use the pod's service account (the backend runs inside the management cluster). */
      inCluster?: boolean;
      /** API server URL, used with `token` and `caData`/`caFile`. */
      url?: string;
      /**
       * Bearer token for `url`.
       * @visibility secret
       */
      token?: string;
      /** Base64 PEM of the API server's CA, for `url`. */
      caData?: string;
      /** Path of a PEM file with the API server's CA, for `url`. */
      caFile?: string;
      /** Disable TLS verification (never in production). */
      skipTLSVerify?: boolean;
    }>;

    /** Tuning of the fleet watch cache (one per backend process). */
    fleet?: {
      /** Longest wait in milliseconds between a change and the fleet version showing it. Defaults to 100. */
      debounceMs?: number;
      /** Restart a watch that delivered no event or bookmark for this long. Defaults to 90. */
      idleTimeoutSeconds?: number;
      /** Server-side watch timeout (randomised up to twice this). Defaults to 300. */
      watchTimeoutSeconds?: number;
      /** Objects per list page. Defaults to 2000. */
      pageSize?: number;
    };

    /** Permission policy of the portal (backend module `permissionPolicy`). */
    permissions?: {
      /**
       * Group or user entity refs allowed to run mutating multicloud actions (failover and
       * the like), e.g. `group:default/platform-team`.
       */
      admins?: string[];
      /**
       * What signed-in users who are not admins may do: `read` (everyone signed in may read
       * and evaluate placement) or `deny` (only admins). Defaults to `read`.
       */
      defaultAccess?: 'read' | 'deny';
      /**
       * When true, non-admin users only see the clusters owned by one of their groups
       * (label `multicloud.io/owner`).
       */
      ownerScopedReads?: boolean;
    };

    /** Price book overrides on top of the shipped price snapshot. */
    pricing?: {
      /** Discount per cloud as a fraction between 0 and 1. */
      discounts?: {
        aws?: number;
        azure?: number;
        gcp?: number;
      };
      /** Negotiated prices per instance type (and optionally region), USD per hour. */
      prices?: Array<{
        cloud: 'aws' | 'azure' | 'gcp';
        instanceType: string;
        region?: string;
        perHour: number;
      }>;
    };

    /** Compliance rules; default to the data-residency policy of the seed document. */
    compliance?: {
      /** Allowed regions per cloud for clusters without a data class. */
      allowedRegions?: {
        aws?: string[];
        azure?: string[];
        gcp?: string[];
      };
      /** Region restrictions per data class (label `multicloud.io/data-class`), e.g. gdpr. */
      dataClasses?: {
        [dataClass: string]: { allowedRegions: string[] };
      };
      /** Oldest supported Kubernetes minor version, e.g. `v1.31`. */
      minimumKubernetesVersion?: string;
      /** Environments whose clusters need HA control planes. */
      productionEnvironments?: string[];
    };

    /** Placement scoring. */
    placement?: {
      /** Default weights of the prioritizers (0–10). */
      weights?: {
        cost?: number;
        headroom?: number;
        health?: number;
        latency?: number;
        spread?: number;
      };
      /** Accept degraded clusters as candidates. */
      allowDegraded?: boolean;
    };

    /** Failover defaults; policies themselves are annotations on each Cluster. */
    failover?: {
      /** Allow runs started by the scheduler for clusters whose policy says `automatic`. Defaults to false. */
      automatic?: boolean;
      /** Mode of clusters whose Cluster has a failover target but no mode annotation. Defaults to `manual`. */
      defaultMode?: 'manual' | 'automatic';
      /** Seconds between health checks that feed the circuit breakers. Defaults to 30. */
      checkIntervalSeconds?: number;
      breaker?: {
        /** Consecutive unhealthy checks that open the breaker. Defaults to 3. */
        failureThreshold?: number;
        /** Consecutive healthy checks that close it again from half-open. Defaults to 3. */
        successThreshold?: number;
        /** Seconds an open breaker waits before half-open probing. Defaults to 300. */
        openSeconds?: number;
        /** Seconds of continuous unhealthiness that open the breaker regardless of the count. Defaults to 180. */
        unhealthySeconds?: number;
      };
      /** Seconds a recovered primary must stay healthy before an automatic failback. Defaults to 600. */
      failbackHoldSeconds?: number;
      /** Timeout of every run step in seconds (waiting for standby workers included). Defaults to 900. */
      stepTimeoutSeconds?: number;
    };

    /** Metric history sampling. */
    history?: {
      /** Sampling interval in seconds. Defaults to 60. */
      intervalSeconds?: number;
    };

    /** GitOps repository that scaffolder templates propose clusters to. */
    gitops?: {
      /**
       * Path of the local (bare) git repository used by the embedded default; created on
       * first use. Relative paths are resolved from the backend's working directory.
       */
      localRepositoryPath?: string;
      /** Base branch of change proposals. Defaults to `main`. */
      baseBranch?: string;
      /** Browse URL of the GitOps repository root, for links from cluster entities. */
      browseUrl?: string;
    };

    /** Catalog entities for clusters (catalog-backend-module-multicloud). */
    catalog?: {
      /** Owner of clusters without a valid `multicloud.io/owner` label. Defaults to group:default/platform-team. */
      defaultOwner?: string;
      /** Minutes between full reconciliations of the cluster entities. Defaults to 10. */
      fullRefreshMinutes?: number;
    };

    /** Workload clusters for the Kubernetes plugin (kubernetes-backend-module-multicloud). */
    kubernetes?: {
      /** Seconds the kubeconfig secrets are cached; the cache also refreshes when clusters appear or go. Defaults to 300. */
      cacheSeconds?: number;
    };

    /** Base URL of the portal frontend, for links in catalog entities. */
    portalBaseUrl?: string;
  };
}
