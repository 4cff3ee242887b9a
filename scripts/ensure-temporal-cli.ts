/** Prints the path of the temporal CLI, building it with Go first when it is missing. */
import path from 'node:path';
import { findOrBuildTemporalCli } from '../libs/temporal/temporal-cli';

findOrBuildTemporalCli({ projectRoot: path.resolve(__dirname, '..') })
  .then((cli) => {
    if (!cli) {
      console.error('No temporal CLI and no Go to build it: install Go, or set TEMPORAL_CLI_PATH or TEMPORAL_ADDRESS');
      process.exit(1);
    }
    console.log(cli);
  })
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
