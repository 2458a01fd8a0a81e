import type { IdentityApi } from '@backstage/frontend-plugin-api';
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import {
  SignInPageBlueprint,
  type SignInPageProps,
} from '@backstage/plugin-app-react';
import { useEffect } from 'react';

/** The harness has no auth backend: everyone is a guest without a token, at once. */
const guest: IdentityApi = {
  getProfileInfo: async () => ({ displayName: 'Guest' }),
  getBackstageIdentity: async () => ({
    type: 'user',
    userEntityRef: 'user:default/guest',
    ownershipEntityRefs: ['user:default/guest'],
  }),
  getCredentials: async () => ({}),
  signOut: async () => {},
};

function SignInAsGuest({ onSignInSuccess }: SignInPageProps) {
  useEffect(() => onSignInSuccess(guest), [onSignInSuccess]);
  return null;
}

export const benchSignInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    SignInPageBlueprint.make({
      params: { loader: async () => SignInAsGuest },
    }),
  ],
});
