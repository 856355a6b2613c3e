import { stopServices } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  if (globalThis.__ziServices) await stopServices(globalThis.__ziServices);
}
