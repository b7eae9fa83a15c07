// The site's live-update client: graphql-ws's own client (graphql-transport-ws), bundled as one ES module.
export { createClient } from 'graphql-ws';
