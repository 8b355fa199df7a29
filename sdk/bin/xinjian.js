#!/usr/bin/env node
// Launcher for the `xinjian` bin: the CLI is TypeScript run by Node's type stripping (Node 24).
import '../src/cli/main.ts';
