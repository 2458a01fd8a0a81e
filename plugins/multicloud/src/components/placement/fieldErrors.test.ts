import { placementFieldErrors } from './fieldErrors';

function responseError(statusCode: number, message: string) {
  return Object.assign(new Error(`Request failed with ${statusCode}`), {
    statusCode,
    body: { error: { name: 'InputError', message } },
  });
}

describe('placementFieldErrors', () => {
  it('groups the messages of a 400 by field, list entries under their list', () => {
    expect(
      placementFieldErrors(
        responseError(
          400,
          'body.cpu: cpu is required; body.allowedClouds[1]: allowedClouds entries must be one of aws, azure, gcp; body.weights.cost: weights.cost must be <= 10; body.cpu: cpu must be > 0 cores',
        ),
      ),
    ).toEqual({
      cpu: ['cpu is required', 'cpu must be > 0 cores'],
      allowedClouds: ['allowedClouds entries must be one of aws, azure, gcp'],
      'weights.cost': ['weights.cost must be <= 10'],
    });
  });

  it('keeps messages without a field under the empty key', () => {
    expect(
      placementFieldErrors(
        responseError(400, 'body.: the request must be an object; odd'),
      ),
    ).toEqual({ '': ['the request must be an object', 'odd'] });
  });

  it('leaves other failures alone', () => {
    expect(
      placementFieldErrors(responseError(403, 'not allowed')),
    ).toBeUndefined();
    expect(placementFieldErrors(new Error('network down'))).toBeUndefined();
  });
});
