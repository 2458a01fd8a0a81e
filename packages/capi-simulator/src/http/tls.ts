import { generate } from 'selfsigned';

export interface TlsMaterial {
  /** PEM of the CA that signed the server certificate (goes into kubeconfigs). */
  caCert: string;
  serverCert: string;
  serverKey: string;
}

/**
 * A throw-away CA and a server certificate for 127.0.0.1/localhost, made at start: clients
 * verify the server exactly as they would a real API server (certificate-authority-data).
 * EC keys keep generation in the milliseconds.
 */
export async function createTlsMaterial(): Promise<TlsMaterial> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(Date.now() + 365 * 24 * 3600_000);
  const ca = await generate(
    [{ name: 'commonName', value: 'capi-simulator-ca' }],
    {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate,
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        {
          name: 'keyUsage',
          keyCertSign: true,
          cRLSign: true,
          digitalSignature: true,
          critical: true,
        },
      ],
    },
  );
  const server = await generate(
    [{ name: 'commonName', value: 'capi-simulator' }],
    {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate,
      ca: { key: ca.private, cert: ca.cert },
      extensions: [
        { name: 'basicConstraints', cA: false },
        {
          name: 'keyUsage',
          digitalSignature: true,
          keyEncipherment: true,
          critical: true,
        },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
          ],
        },
      ],
    },
  );
  return {
    caCert: ca.cert,
    serverCert: server.cert,
    serverKey: server.private,
  };
}
