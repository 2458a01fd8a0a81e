import { INITIAL_PLACEMENT_FORM, toPlacementRequest } from './placementFormState';

describe('toPlacementRequest', () => {
  it('sends numbers as numbers and leaves blank optional fields out', () => {
    expect(toPlacementRequest(INITIAL_PLACEMENT_FORM)).toEqual({
      cpu: 1,
      memory: 2,
      gpu: 0,
      replicas: 3,
      environment: 'production',
      preferredRegions: [],
      allowedClouds: ['aws', 'azure', 'gcp'],
    });
  });

  it('passes what is not a number through for the backend to name', () => {
    const request = toPlacementRequest({
      ...INITIAL_PLACEMENT_FORM,
      cpu: '',
      memory: 'lots',
      maxHourlyCost: '0.5',
      allowedClouds: [],
      weights: { ...INITIAL_PLACEMENT_FORM.weights, spread: '0', cost: ' ' },
    });
    expect(request).not.toHaveProperty('cpu');
    expect(request).toMatchObject({
      memory: 'lots',
      maxHourlyCost: 0.5,
      allowedClouds: [],
      weights: { spread: 0 },
    });
  });
});
