/**
 * The side of a supervised child of `npm start` (the API, the worker): says when it is ready, and
 * stops cleanly when asked or when the launcher is gone. Children run in a process group of their
 * own, so a Ctrl-C reaches only the launcher, which then stops them in order.
 */
export function reportReady(): void {
  process.send?.({ type: 'ready' });
}

export function stopOnRequest(stop: () => Promise<void>): void {
  let stopping = false;
  const end = (code: number) => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(code),
      (error) => {
        process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => end(0));
  process.on('SIGINT', () => end(0));
  // The IPC channel closes when the launcher is gone (even when killed): nobody supervises us any more.
  process.on('disconnect', () => end(0));
  if (process.send && !process.connected) end(0); // it went while we were starting
}

export function failedToStart(name: string): (error: unknown) => never {
  return (error) => {
    process.stderr.write(`[bevaka] ${name} failed to start: ${error instanceof Error ? error.stack : error}\n`);
    process.exit(1);
  };
}
