/** Analyzes the elements and writes custom-elements.json at the project root. */
export function writeManifest(options?: { quiet?: boolean }): Promise<unknown>;
