/** Prints where the cluster mode's Temporal server is, building it with Go first when it is missing. */
import { findOrBuildTemporalServer } from './cluster/temporal-server-build';

findOrBuildTemporalServer((line) => console.error(`[bevaka] ${line}`))
  .then((binaries) => console.log(binaries.server))
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
