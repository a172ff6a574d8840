#!/usr/bin/env node
// Entry point of the `maas` CLI. Sources are TypeScript, run through tsx's loader
// so that a fresh clone works after `npm install` without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
