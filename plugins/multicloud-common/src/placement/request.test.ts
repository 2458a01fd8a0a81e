import {
  parsePlacementRequest,
  placementRequestErrors,
  placementRequestSchema,
} from './request';

const valid = { cpu: 2, memory: 4, environment: 'prod' };

describe('placement request', () => {
  it('applies defaults', () => {
    expect(parsePlacementRequest(valid)).toEqual({
      success: true,
      request: {
        ...valid,
        gpu: 0,
        replicas: 1,
        preferredRegions: [],
        allowedClouds: ['aws', 'azure', 'gcp'],
      },
    });
  });

  it('names the field and the rule of every problem', () => {
    const result = parsePlacementRequest({
      cpu: 0,
      memory: 'lots',
      gpu: 0.5,
      replicas: 0,
      environment: '',
      allowedClouds: ['aws', 'ibm'],
      maxHourlyCost: -1,
      weights: { cost: 11, latency: -1, speed: 1 },
      priority: 'high',
    });
    expect(result.success).toBe(false);
    expect(!result.success && result.errors).toEqual([
      { field: 'cpu', rule: 'minimum', message: 'cpu must be > 0 cores' },
      {
        field: 'memory',
        rule: 'type',
        message: 'memory must be a number (GiB)',
      },
      { field: 'gpu', rule: 'integer', message: 'gpu must be an integer' },
      { field: 'replicas', rule: 'minimum', message: 'replicas must be >= 1' },
      {
        field: 'environment',
        rule: 'min-length',
        message: 'environment must not be empty',
      },
      {
        field: 'allowedClouds[1]',
        rule: 'enum',
        message: 'allowedClouds entries must be one of aws, azure, gcp',
      },
      {
        field: 'maxHourlyCost',
        rule: 'minimum',
        message: 'maxHourlyCost must be > 0 USD/h',
      },
      {
        field: 'weights.cost',
        rule: 'maximum',
        message: 'weights.cost must be <= 10',
      },
      {
        field: 'weights.latency',
        rule: 'minimum',
        message: 'weights.latency must be >= 0',
      },
      {
        field: 'weights.speed',
        rule: 'unknown-field',
        message: 'unknown field weights.speed',
      },
      {
        field: 'priority',
        rule: 'unknown-field',
        message: 'unknown field priority',
      },
    ]);
  });

  it('tells missing fields from wrong types', () => {
    const result = parsePlacementRequest({ cpu: 1 });
    expect(!result.success && result.errors).toEqual([
      { field: 'memory', rule: 'required', message: 'memory is required' },
      {
        field: 'environment',
        rule: 'required',
        message: 'environment is required',
      },
    ]);
    const notObject = parsePlacementRequest('2 cores please');
    expect(!notObject.success && notObject.errors).toEqual([
      { field: '', rule: 'type', message: 'the request must be an object' },
    ]);
  });

  it('rejects an empty cloud list and non-finite numbers', () => {
    const result = parsePlacementRequest({
      ...valid,
      cpu: Infinity,
      allowedClouds: [],
    });
    expect(
      !result.success && result.errors.map(e => `${e.field}:${e.rule}`),
    ).toEqual(['cpu:type', 'allowedClouds:min-length']);
  });

  it('converts a ZodError from the schema itself', () => {
    const result = placementRequestSchema.safeParse({ ...valid, extra: true });
    expect(result.success).toBe(false);
    expect(placementRequestErrors(result.error!)).toEqual([
      { field: 'extra', rule: 'unknown-field', message: 'unknown field extra' },
    ]);
  });
});
