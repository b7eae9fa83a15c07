// The explorer: GraphiQL 5 from npm, talking to this server only. Queries and mutations go to /graphql over HTTP;
// subscriptions to the same path over WebSocket (graphql-transport-ws, as graphql-ws speaks it).
import './workers.js';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';
import { exampleTabs } from './examples.js';

const wsProtocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
const fetcher = createGraphiQLFetcher({
  url: '/graphql',
  subscriptionUrl: `${wsProtocol}//${location.host}/graphql`,
});

createRoot(document.getElementById('graphiql')).render(
  <GraphiQL fetcher={fetcher} defaultTabs={exampleTabs()} defaultEditorToolsVisibility="headers" shouldPersistHeaders={false} />,
);
