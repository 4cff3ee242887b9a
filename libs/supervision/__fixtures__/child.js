/* global setInterval */
// A child for supervisor.spec.ts; what it does is its first argument.
const mode = process.argv[2];
const ready = () => process.send && process.send({ type: 'ready' });
const stayAlive = () => setInterval(() => undefined, 1000);
process.on('SIGTERM', () => (mode === 'ignore-term' ? undefined : process.exit(0)));
switch (mode) {
  case 'serve':
  case 'ignore-term':
    ready();
    stayAlive();
    break;
  case 'crash-after-ready':
    ready();
    setTimeout(() => process.exit(3), 50);
    break;
  case 'never-ready':
    stayAlive();
    break;
  default:
    process.exit(2);
}
