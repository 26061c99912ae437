// Loaded by `npm start` before scripts/serve.ts (node --import). serve.ts reads the network
// revision through lib/data, whose database client is marked `server-only`; this process is the
// server, so the mark holds. Only that one package resolves as React's server condition resolves
// it: the whole process cannot take --conditions=react-server, because Next.js loads React for
// both sides itself.
import { register } from 'node:module';

register('./server-only-resolve.mjs', import.meta.url);
