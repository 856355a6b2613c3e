/**
 * `npm run tools`: makes sure the local servers that `npm start` and `npm test` need exist.
 * Builds nothing for a server the environment already names (TEMPORAL_ADDRESS, MONGODB_URI).
 */
import {
  ensureFerretDb,
  ensureMongoWireServer,
  ensureTemporal,
  localMongoServer,
  MissingToolchainError,
  UnknownToolError,
} from './services/tools';

try {
  if (process.env.TEMPORAL_ADDRESS)
    console.log(`TEMPORAL_ADDRESS=${process.env.TEMPORAL_ADDRESS}: no Temporal CLI needed.`);
  else ensureTemporal();
  if (process.env.MONGODB_URI) console.log('MONGODB_URI is set: no local MongoDB-wire server needed.');
  else if (localMongoServer() === 'ferretdb') ensureFerretDb();
  else ensureMongoWireServer();
} catch (error) {
  if (error instanceof MissingToolchainError || error instanceof UnknownToolError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
