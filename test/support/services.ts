/**
 * What globalSetup started, handed to the test files through the environment (jest workers are
 * separate processes that inherit it).
 */
export const ENV = {
  temporalAddress: 'BEVAKA_TEST_TEMPORAL_ADDRESS',
  postgresServerUrl: 'BEVAKA_TEST_PG_SERVER_URL',
  workflowBundle: 'BEVAKA_TEST_WORKFLOW_BUNDLE',
  temporalCli: 'BEVAKA_TEST_TEMPORAL_CLI',
} as const;

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suites through jest's integration project (globalSetup)`);
  return value;
}
