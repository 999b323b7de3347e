#!/usr/bin/env node
// Starts the server from its TypeScript sources through tsx (ADR 003). `npm start` builds the web app first.
import { register } from 'tsx/esm/api';

register();
await import('../server/main.ts');
