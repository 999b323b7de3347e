#!/usr/bin/env node
// The `audition` CLI. TypeScript sources run through tsx, so the CLI never lags behind the code (ADR 003).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../server/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
