// Drives Backstage's own catalog client against Backlot and prints what each call returned, as
// one JSON object, for CatalogClientIT to assert on. Usage: node check.mjs <baseUrl> <token>
import { CatalogClient } from '@backstage/catalog-client';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

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

// Locations (queryLocations, streamLocations, updateLocation): file locations in a folder inside the
// sample catalog's folder, one of the default file roots (the rest of the data folder is never read);
// unregistered at the end. The token is an admin's, so targets come back as full paths.
const sample = (await client.getLocations()).items.find(l => l.target.endsWith('sample-catalog/catalog-info.yaml'));
const folder = join(dirname(sample.target), 'catalog-client-locations');
const componentFile = name => {
  mkdirSync(join(folder, name), { recursive: true });
  const file = join(folder, name, 'catalog-info.yaml');
  writeFileSync(file, `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: ${name}}\n`
    + 'spec: {type: service, lifecycle: production, owner: client-check}\n');
  return file;
};
const added = [];
for (const name of ['cc-loc-a', 'cc-loc-b', 'cc-loc-c']) {
  added.push((await client.addLocation({ type: 'file', target: componentFile(name) })).location);
}
const ours = { type: 'file', target: { $hasPrefix: `${folder}/` } };
const l1 = await client.queryLocations({ query: ours, limit: 2 });
const l2 = await client.queryLocations({ cursor: l1.pageInfo.nextCursor });
out.queryLocations = {
  first: l1.items.length, second: l2.items.length, total: l1.totalItems, hasNext: !!l2.pageInfo.nextCursor,
  inIdOrder: [...l1.items, ...l2.items].map(l => l.id).join() === added.map(l => l.id).sort().join(),
  entityRef: l1.items[0].entityRef,
};
const streamedLocations = [];
let locationPages = 0;
for await (const page of client.streamLocations({ query: ours, limit: 1 })) {
  locationPages += 1;
  streamedLocations.push(...page.map(l => l.id));
}
out.streamLocations = { count: streamedLocations.length, pages: locationPages };
const movedTo = componentFile('cc-loc-moved');
const updated = await client.updateLocation(added[0].id, { type: 'file', target: movedTo });
out.updateLocation = { sameId: updated.id === added[0].id, target: updated.target === movedTo, entityRef: updated.entityRef };
let moved;
for (let i = 0; i < 100 && !moved; i += 1) {
  moved = await client.getEntityByRef('component:default/cc-loc-moved');
  if (!moved) await new Promise(resolve => setTimeout(resolve, 200));
}
out.updateLocation.newEntity = !!moved;
out.updateLocation.oldEntityOrphan = (await client.getEntityByRef('component:default/cc-loc-a'))
  ?.metadata?.annotations?.['backstage.io/orphan'] ?? null;
out.updateLocation.readBack = (await client.getLocationById(added[0].id))?.target === movedTo;
try {
  await client.updateLocation(added[1].id, { type: 'file', target: movedTo });
  out.updateConflict = null;
} catch (e) {
  out.updateConflict = e.response?.status ?? e.statusCode ?? e.name;
}
for (const location of added) {
  await client.removeLocationById(location.id);
}

console.log(JSON.stringify(out));
