// Effective settings per tenant: our defaults, with the overrides a tenant saved in the admin UI on top.

export interface TenantConfig {
  locale: string;
  plan: 'starter' | 'team' | 'enterprise';
  limits: { requestsPerMinute: number; maxUploadMb: number; seats: number };
  features: { exports: boolean; sso: boolean; auditLog: boolean };
  /** Origins allowed to embed the widget (CORS). */
  allowedOrigins: string[];
}

/** What a tenant may override; everything is optional, nested objects may be partial. */
export interface TenantOverrides {
  locale?: string;
  plan?: TenantConfig['plan'];
  limits?: Partial<TenantConfig['limits']>;
  features?: Partial<TenantConfig['features']>;
  extraOrigins?: string[];
}

export const DEFAULTS: TenantConfig = {
  locale: 'en-GB',
  plan: 'starter',
  limits: { requestsPerMinute: 600, maxUploadMb: 25, seats: 10 },
  features: { exports: false, sso: false, auditLog: false },
  allowedOrigins: ['https://app.example.com'],
};

/** Effective settings for one tenant: the defaults, with the tenant's overrides applied on top. */
export function resolveTenantConfig(overrides: TenantOverrides = {}): TenantConfig {
  return {
    locale: overrides.locale || DEFAULTS.locale,
    plan: overrides.plan ?? DEFAULTS.plan,
    limits: { ...DEFAULTS.limits, ...overrides.limits },
    features: { ...DEFAULTS.features, ...overrides.features },
    allowedOrigins: [...new Set([...DEFAULTS.allowedOrigins, ...(overrides.extraOrigins ?? [])])],
  };
}

/**
 * Per-request feature flags (e.g. from the X-Beta-Features header, already validated upstream) applied
 * on top of a tenant's settings, without changing the tenant's settings.
 */
export function withRequestFlags(config: TenantConfig, flags: Partial<TenantConfig['features']>): TenantConfig {
  return { ...config, features: { ...config.features, ...flags } };
}

/** CORS check for the embeddable widget. */
export function isOriginAllowed(config: TenantConfig, origin: string): boolean {
  return config.allowedOrigins.includes(origin);
}

/** One-line summary for the audit log. */
export function describeConfig(tenantId: string, config: TenantConfig): string {
  const on = Object.entries(config.features)
    .filter(([, enabled]) => enabled)
    .map(([name]) => name);
  return `${tenantId}: ${config.plan}, ${config.limits.seats} seats, features [${on.join(', ')}]`;
}
