import type { KubeObject } from './api/types';
import { kubeconfigToken } from './kubeconfig';

/**
 * The secret material a management cluster hands out: its own bearer token and, for every
 * Secret with a kubeconfig (`<cluster>-kubeconfig`), the encoded value and the workload token.
 * Secrets tests and the secrets scan search every output for these.
 */
export function secretMaterial(
  managementToken: string,
  secrets: readonly KubeObject[],
): string[] {
  const material = [managementToken];
  for (const secret of secrets) {
    const value = (secret.data as Record<string, string> | undefined)?.value;
    if (!value) continue;
    material.push(value);
    const token = kubeconfigToken(
      Buffer.from(value, 'base64').toString('utf8'),
    );
    if (token) material.push(token);
  }
  return material;
}

/**
 * The forms a secret takes when it leaks: as is, and base64 (standard and URL-safe) at each
 * of the three byte offsets it can have inside a longer encoded text, such as an encoded
 * kubeconfig or a Basic header; only the characters that depend on the secret alone are kept.
 */
export function leakForms(secret: string): string[] {
  const forms = new Set([secret]);
  const length = Buffer.byteLength(secret);
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.from('\0'.repeat(offset) + secret).toString(
      'base64',
    );
    const form = encoded.slice(
      Math.ceil((offset * 8) / 6),
      Math.floor(((offset + length) * 8) / 6),
    );
    if (form.length >= 8) {
      forms.add(form);
      forms.add(form.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  return [...forms];
}

/** What a secrets test searches outputs for: every form of every secret, each once. */
export function leakNeedles(secrets: readonly string[]): string[] {
  return [...new Set(secrets.flatMap(leakForms))];
}
