import type {
  NewClusterOption,
  PlacementRequest,
} from '@internal/plugin-multicloud-common';

/** The scaffolder template that requests a new cluster (`templates/new-cluster`). */
export const NEW_CLUSTER_TEMPLATE = {
  namespace: 'default',
  templateName: 'new-kubernetes-cluster',
} as const;

// The template's enums; a request value outside them is left for the person to choose.
const TEMPLATE_ENVIRONMENTS: Record<string, string> = {
  development: 'development',
  dev: 'development',
  staging: 'staging',
  production: 'production',
  prod: 'production',
};
const TEMPLATE_DATA_CLASSES = ['gdpr', 'ccpa'];

/**
 * The template's parameters for a new-cluster option: cloud and region as advised, the
 * request's environment, data class and owning team. The template validates them again.
 */
export function newClusterFormData(
  option: Pick<NewClusterOption, 'cloud' | 'region'>,
  request: Pick<PlacementRequest, 'environment' | 'dataClass' | 'owner'>,
): Record<string, string> {
  const data: Record<string, string> = {
    cloud: option.cloud,
    region: option.region,
  };
  const environment =
    TEMPLATE_ENVIRONMENTS[request.environment.toLocaleLowerCase('en-US')];
  if (environment) data.environment = environment;
  if (!request.dataClass) data.dataClass = 'none';
  else if (TEMPLATE_DATA_CLASSES.includes(request.dataClass)) {
    data.dataClass = request.dataClass;
  }
  if (request.owner) {
    // The template's OwnerPicker holds an entity reference.
    data.owner = request.owner.includes(':')
      ? request.owner
      : `group:default/${request.owner}`;
  }
  return data;
}

/** `?formData=<json>`: the scaffolder's way to prefill a template form. */
export function withFormData(path: string, data: object): string {
  return `${path}?formData=${encodeURIComponent(JSON.stringify(data))}`;
}
