/** The PostgreSQL template database the test run migrates once and every test file copies. */
export const TEMPLATE_DB = 'audition_test_template';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
