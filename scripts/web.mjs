#!/usr/bin/env node
// `npm run web`: build, then serve the console to a browser on 127.0.0.1 and print the address (with its token).
import { buildOrExit, runUntilExit, webHostArgs } from './launch.mjs';

buildOrExit('npm run web');
runUntilExit(process.execPath, webHostArgs());
