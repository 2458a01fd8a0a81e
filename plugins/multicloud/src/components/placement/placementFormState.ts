import {
  CLOUDS,
  PRIORITIZERS,
  type KnownCloud,
  type PlacementRequestInput,
  type Prioritizer,
} from '@internal/plugin-multicloud-common';

/** What the form holds: text as typed, so the backend (not the browser) judges it. */
export interface PlacementFormState {
  cpu: string;
  memory: string;
  gpu: string;
  replicas: string;
  environment: string;
  dataClass: string;
  owner: string;
  /** Comma-separated. */
  preferredRegions: string;
  allowedClouds: KnownCloud[];
  maxHourlyCost: string;
  /** Blank: the configured default weight. */
  weights: Record<Prioritizer, string>;
}

export const INITIAL_PLACEMENT_FORM: PlacementFormState = {
  cpu: '1',
  memory: '2',
  gpu: '0',
  replicas: '3',
  environment: 'production',
  dataClass: '',
  owner: '',
  preferredRegions: '',
  allowedClouds: [...CLOUDS],
  maxHourlyCost: '',
  weights: Object.fromEntries(PRIORITIZERS.map(p => [p, ''])) as Record<
    Prioritizer,
    string
  >,
};

/** A number when the text is one; otherwise the text, for the backend to name the field. */
function numeric(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : trimmed;
}

function optionalText(text: string): string | undefined {
  return text.trim() || undefined;
}

/**
 * The request body: blank optional fields are left out (the backend applies its defaults),
 * blank required ones too (the backend says they are required).
 */
export function toPlacementRequest(
  form: PlacementFormState,
): PlacementRequestInput {
  const weights = Object.fromEntries(
    PRIORITIZERS.map(p => [p, numeric(form.weights[p])]).filter(
      ([, w]) => w !== undefined,
    ),
  );
  const body: Record<string, unknown> = {
    cpu: numeric(form.cpu),
    memory: numeric(form.memory),
    gpu: numeric(form.gpu),
    replicas: numeric(form.replicas),
    environment: optionalText(form.environment),
    dataClass: optionalText(form.dataClass),
    owner: optionalText(form.owner),
    preferredRegions: form.preferredRegions
      .split(',')
      .map(r => r.trim())
      .filter(Boolean),
    allowedClouds: form.allowedClouds,
    maxHourlyCost: numeric(form.maxHourlyCost),
    weights: Object.keys(weights).length ? weights : undefined,
  };
  return Object.fromEntries(
    Object.entries(body).filter(([, v]) => v !== undefined),
  ) as PlacementRequestInput;
}
