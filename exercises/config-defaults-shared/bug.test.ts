import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULTS, isOriginAllowed, resolveTenantConfig, withRequestFlags } from './subject';

const pristine = structuredClone(DEFAULTS);

test('applies a tenant’s overrides on top of the defaults', () => {
  const acme = resolveTenantConfig({
    plan: 'enterprise',
    limits: { seats: 250 },
    features: { sso: true },
    extraOrigins: ['https://portal.acme.test'],
  });
  assert.equal(acme.plan, 'enterprise');
  assert.deepEqual(acme.limits, { requestsPerMinute: 600, maxUploadMb: 25, seats: 250 });
  assert.deepEqual(acme.features, { exports: false, sso: true, auditLog: false });
  assert.equal(isOriginAllowed(acme, 'https://portal.acme.test'), true);
});

test('one tenant’s overrides never reach another tenant or the defaults', () => {
  resolveTenantConfig({ limits: { seats: 250 }, features: { sso: true }, extraOrigins: ['https://portal.acme.test'] });
  const globex = resolveTenantConfig({ locale: 'de-DE' });
  assert.equal(globex.limits.seats, 10);
  assert.equal(globex.features.sso, false);
  assert.equal(isOriginAllowed(globex, 'https://portal.acme.test'), false);
  assert.deepEqual(DEFAULTS, pristine);
});

test('request flags do not change the tenant’s settings', () => {
  const tenant = resolveTenantConfig({});
  const request = withRequestFlags(tenant, { exports: true });
  assert.equal(request.features.exports, true);
  assert.equal(tenant.features.exports, false);
});
