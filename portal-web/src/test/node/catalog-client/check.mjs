// Drives Backstage's own catalog client against Backlot and prints what each call returned, as
// one JSON object, for CatalogClientIT to assert on. Usage: node check.mjs <baseUrl> <token>
import { CatalogClient } from '@backstage/catalog-client';

const [baseUrl, token] = process.argv.slice(2);
const client = new CatalogClient({
  discoveryApi: { getBaseUrl: async () => `${baseUrl}/api/catalog` },
  fetchApi: {
    fetch: (input, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set('Authorization', `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    },
  },
});

const out = {};
const names = items => items.map(e => e.metadata.name).sort();

out.getEntities = names((await client.getEntities({ filter: { kind: 'Component' } })).items);
out.getEntitiesFields = (await client.getEntities({ filter: { kind: 'Group' }, fields: ['metadata.name'] })).items;
out.getEntityByRef = (await client.getEntityByRef('component:default/payment-service'))?.spec?.owner ?? null;
out.missingEntity = (await client.getEntityByRef('component:default/does-not-exist')) ?? null;
out.getEntitiesByRefs = (await client.getEntitiesByRefs({
  entityRefs: ['component:default/checkout-web', 'api:default/nope', 'group:default/payments'],
})).items.map(e => (e ? e.metadata.name : null));

const first = await client.queryEntities({ filter: { kind: 'Component' }, limit: 2, orderFields: { field: 'metadata.name', order: 'asc' } });
out.queryFirst = { names: first.items.map(e => e.metadata.name), total: first.totalItems, hasNext: !!first.pageInfo.nextCursor };
const second = await client.queryEntities({ cursor: first.pageInfo.nextCursor, limit: 2 });
out.querySecond = { names: second.items.map(e => e.metadata.name), hasPrev: !!second.pageInfo.prevCursor };

// Predicate queries (POST by-query): the client sends the follow-up cursor to POST as well.
const javaComponents = { kind: 'Component', 'metadata.tags': { $contains: 'java' } };
const p1 = await client.queryEntities({ query: javaComponents, limit: 2, orderFields: { field: 'metadata.name', order: 'asc' } });
out.predicateFirst = { names: p1.items.map(e => e.metadata.name), total: p1.totalItems, hasNext: !!p1.pageInfo.nextCursor };
const p2 = await client.queryEntities({ cursor: p1.pageInfo.nextCursor, limit: 2 });
out.predicateSecond = { names: p2.items.map(e => e.metadata.name), hasNext: !!p2.pageInfo.nextCursor, hasPrev: !!p2.pageInfo.prevCursor };
out.predicateWithFilter = names((await client.queryEntities({ filter: { kind: 'API' }, query: { 'spec.lifecycle': 'production' } })).items);
const streamed = [];
let pages = 0;
for await (const page of client.streamEntities({ query: { kind: 'Component' }, pageSize: 2 })) {
  pages += 1;
  streamed.push(...page.map(e => e.metadata.name));
}
out.predicateStream = { names: streamed.sort(), pages };
const predicateFacets = await client.getEntityFacets({ facets: ['spec.lifecycle'], query: { kind: 'Component', 'spec.owner': 'payments' } });
out.predicateFacets = Object.fromEntries(predicateFacets.facets['spec.lifecycle'].map(x => [x.value, x.count]));
out.predicateByRefs = (await client.getEntitiesByRefs({
  entityRefs: ['component:default/checkout-web', 'component:default/fraud-check', 'api:default/payments-api'],
  query: { 'spec.lifecycle': 'production' },
})).items.map(e => (e ? e.metadata.name : null));

const facets = await client.getEntityFacets({ facets: ['kind', 'spec.lifecycle'] });
out.facets = Object.fromEntries(Object.entries(facets.facets).map(([k, v]) => [k, Object.fromEntries(v.map(x => [x.value, x.count]))]));

out.locations = (await client.getLocations()).items.length;
out.locationByEntity = (await client.getLocationByEntity('component:default/payment-service'))?.type ?? null;

const valid = await client.validateEntity({
  apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'ok' },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
}, 'url:https://example.com/catalog-info.yaml');
const invalid = await client.validateEntity({
  apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'not ok!' }, spec: {},
}, 'url:https://example.com/catalog-info.yaml');
out.validate = { valid: valid.valid, invalid: invalid.valid, invalidErrors: invalid.valid ? 0 : invalid.errors.length };

await client.refreshEntity('component:default/payment-service');
out.refreshed = true;

console.log(JSON.stringify(out));
