import { generateFleet } from './generator/fleet';
import { leakForms, leakNeedles, secretMaterial } from './secretMaterial';

describe('leakForms', () => {
  const secret = 'SECRET-MARKER-42.abcdefghijklmnop';

  it.each(['', 'a', 'ab', 'abc', 'Authorization: Bearer '])(
    'finds the secret base64-encoded after %j, in either alphabet',
    prefix => {
      const text = `${prefix}${secret}, and more after it`;
      const encoded = Buffer.from(text).toString('base64');
      const forms = leakForms(secret);
      expect(forms.some(f => encoded.includes(f))).toBe(true);
      expect(
        forms.some(f => Buffer.from(text).toString('base64url').includes(f)),
      ).toBe(true);
    },
  );

  it('keeps only forms that the surrounding bytes cannot change', () => {
    const forms = leakForms(secret);
    for (const neighbour of ['x', 'y', 'zz']) {
      const encoded = Buffer.from(`${neighbour}${secret}${neighbour}`).toString(
        'base64',
      );
      expect(forms.filter(f => encoded.includes(f)).length).toBeGreaterThan(0);
    }
    expect(forms).toContain(secret);
  });
});

describe('leakNeedles', () => {
  it('holds every form of every secret, each once', () => {
    const secrets = [
      'SECRET-MARKER-42.abcdefghijklmnop',
      'another-token-0123456789',
    ];
    const needles = leakNeedles([...secrets, secrets[0]]);
    expect(new Set(needles).size).toBe(needles.length);
    expect(needles.sort()).toEqual(
      [...new Set(secrets.flatMap(leakForms))].sort(),
    );
  });
});

describe('secretMaterial', () => {
  it('lists the management token and every kubeconfig Secret with its token', () => {
    const fleet = generateFleet({
      seed: 's',
      clusters: 5,
      now: new Date('2026-01-01T00:00:00Z'),
      serverUrl: 'https://127.0.0.1:6443',
      caCert: 'CA',
      secretMarker: 'MARK-7',
    });
    const secrets = [...fleet.objects()].filter(o => o.kind === 'Secret');
    expect(secrets.length).toBeGreaterThan(0);
    const material = secretMaterial('management-token', secrets);
    expect(material[0]).toBe('management-token');
    const tokens = material.filter(m => m.startsWith('MARK-7.'));
    expect(tokens).toHaveLength(secrets.length);
    expect(material).toHaveLength(1 + 2 * secrets.length);
  });
});
