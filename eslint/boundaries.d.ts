export function resolveImport(from: string, spec: string): string | undefined;
export function layerOf(file: string): string | undefined;
export function skipsIndex(from: string, to: string): boolean;
export const plugin: unknown;
