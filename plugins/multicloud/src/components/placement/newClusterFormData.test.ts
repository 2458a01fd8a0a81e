import { newClusterFormData, withFormData } from './newClusterFormData';

const option = { cloud: 'azure', region: 'westeurope' } as const;

describe('newClusterFormData', () => {
  it('fills the template parameters the request and the option decide', () => {
    expect(
      newClusterFormData(option, {
        environment: 'prod',
        dataClass: 'gdpr',
        owner: 'team-payments',
      }),
    ).toEqual({
      cloud: 'azure',
      region: 'westeurope',
      environment: 'production',
      dataClass: 'gdpr',
      owner: 'group:default/team-payments',
    });
  });

  it('maps no data class to the template\'s "none" and keeps full owner refs', () => {
    expect(
      newClusterFormData(option, {
        environment: 'Staging',
        owner: 'group:ops/sre',
      }),
    ).toEqual({
      cloud: 'azure',
      region: 'westeurope',
      environment: 'staging',
      dataClass: 'none',
      owner: 'group:ops/sre',
    });
  });

  it('leaves values the template cannot express for the person to choose', () => {
    expect(
      newClusterFormData(option, { environment: 'qa', dataClass: 'pci' }),
    ).toEqual({ cloud: 'azure', region: 'westeurope' });
  });
});

describe('withFormData', () => {
  it('appends the JSON as the formData query parameter', () => {
    const url = withFormData('/create/templates/default/t', { a: 'b & c' });
    expect(url).toBe(
      `/create/templates/default/t?formData=${encodeURIComponent(
        '{"a":"b & c"}',
      )}`,
    );
    expect(
      JSON.parse(new URLSearchParams(url.split('?')[1]).get('formData')!),
    ).toEqual({ a: 'b & c' });
  });
});
