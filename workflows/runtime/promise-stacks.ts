/**
 * Loaded once per worker thread, before the workflow context is frozen (a preloaded module, see
 * libs/temporal/worker-factory.ts): no stack traces are captured inside workflows.
 *
 * The SDK records a stack trace for every promise a workflow creates (for the "stack trace"
 * query of the Temporal UI): it builds an Error, maps each frame through the bundle's source map,
 * and keeps the text and the frames until the promise settles. A follow-up workflow waits with
 * about 25 promises pending for months, so this was half of each cached workflow's memory
 * (23 of 67 KB: 460 MB for 20,000 cached workflows) and a tenth of the workflow thread's CPU at a
 * period end. Without it, an error thrown inside a workflow carries its message and type but no
 * frames; to debug one, set the limit to 10 (V8's default) here and bundle again.
 */
Error.stackTraceLimit = 0;

export {};
