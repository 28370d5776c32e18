// Which files the page has downloaded. The test server serves every module as its own file, so
// the browser's resource timing tells which chunks a flow fetched, and when.

// The page loads hundreds of modules: make room to record the ones loaded from here on.
performance.setResourceTimingBufferSize(100_000);

/** Whether a file whose path ends with `end` (e.g. `/bulk-invite-flow.ts`) was requested. */
export const fetched = (end: string): boolean =>
  performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname.endsWith(end));
