/**
 * How the workflow code is bundled, the same wherever a bundle is made: the prebuilt one (`npm run build`, the
 * bench), the one a development worker makes from source, and the one replay tests make.
 *
 * The worker runs every workflow in one reusable V8 context, but evaluates the workflow modules again for each
 * workflow it instantiates: without preloading, each task workflow re-ran the domain modules (the default catalogue
 * and LKE template among them, built and deep-frozen every time). Preloaded modules are evaluated once per context
 * and shared, which is safe for pure modules only: no workflow API, no clock or randomness at module scope and no
 * module state (domain/ holds to that). The SDK freezes what it shares, so shared values must never be mutated.
 */

/** The domain modules the workflows import (their own imports come with them); test/unit/workflow-bundle.test.ts keeps the list whole. */
export const preloadedDomainModules = [
  'assessment-process',
  'awards',
  'calendar',
  'carried-recommendations',
  'catalogue',
  'clock',
  'escalation-recipients',
  'lke',
  'monev',
  'people',
  'progress-report',
  'reminder-policy',
  'stages',
  'task',
  'task-due',
  'team',
] as const;

/**
 * Resolved when a bundle is made from source, never at import: the compiled worker (dist/) loads the prebuilt bundle
 * and has no workflow sources beside it.
 */
export function workflowBundleOptions() {
  return {
    workflowsPath: require.resolve('../workflows'),
    preloadModules: preloadedDomainModules.map((name) => require.resolve(`../domain/${name}`)),
  };
}

/** The same, as a worker (or a replay worker) takes it when it bundles the workflows itself. */
export function workflowsFromSource() {
  const { workflowsPath, preloadModules } = workflowBundleOptions();
  return { workflowsPath, bundlerOptions: { preloadModules } };
}
