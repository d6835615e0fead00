#!/usr/bin/env node
// The mcvpc command line: a thin launcher for the bundled CLI (built by `npm run build`).
require('../dist/cli.js');
