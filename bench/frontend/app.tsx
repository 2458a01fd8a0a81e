/**
 * The benchmark's browser app: the portal's multicloud plugin as it ships (its real API client,
 * its Clusters page) next to a baseline page with Backstage's core Table, in one app built
 * with `createApp`, so both pages pay for the same shell, theme and data.
 */
import '@backstage/ui/css/styles.css';
import { ConfigReader } from '@backstage/config';
import { createApp } from '@backstage/frontend-defaults';
import multicloudPlugin from '@internal/plugin-multicloud/alpha';
import ReactDOM from 'react-dom/client';
import { baselinePlugin } from './baselinePlugin';
import { benchSignInModule } from './benchSignIn';

const app = createApp({
  features: [multicloudPlugin, baselinePlugin, benchSignInModule],
  advanced: {
    // The bench server answers the API on the page's own origin.
    configLoader: async () => ({
      config: new ConfigReader({
        app: { baseUrl: window.location.origin, title: 'Table benchmark' },
        backend: { baseUrl: window.location.origin },
      }),
    }),
  },
});

ReactDOM.createRoot(document.getElementById('root')!).render(app.createRoot());
