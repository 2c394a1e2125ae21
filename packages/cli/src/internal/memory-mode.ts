import { setFlagsFromString } from 'node:v8';

// A listing allocates a lot of short-lived data (each page's text and objects, each row's text) while
// very little stays alive. V8's default heuristics (Node 24's above all) let the heap grow far past the
// live set before collecting; favouring size keeps peak RSS flat, about 100 MB for any count.
// Imported first by bin.ts, so it applies before anything else is loaded.
setFlagsFromString('--optimize-for-size');
