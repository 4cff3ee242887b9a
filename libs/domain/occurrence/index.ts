/** The occurrence lifecycle: statuses, transitions, who may act, and the next notice. Pure. */
export * from './status';
export * from './state';
export * from './commands';
export * from './notices';
export * from './permissions';
export * from './opening';
