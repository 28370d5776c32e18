// The few framework APIs the README snippets use, so the snippets type-check without installing
// React, Vue or Angular. What is checked is Seatkit's side: imports, names, properties, events.

declare module 'react' {
  export interface RefObject<T> {
    readonly current: T | null;
  }
  export function useRef<T>(initial: T | null): RefObject<T>;
  export function useEffect(effect: () => void | (() => void), deps?: readonly unknown[]): void;
}

declare module 'react/jsx-runtime' {
  import type { RefObject } from 'react';
  export namespace JSX {
    type Element = unknown;
    interface IntrinsicElements {
      [tag: `${string}-${string}`]: { ref?: RefObject<HTMLElement> };
    }
  }
  export function jsx(...args: unknown[]): unknown;
  export const jsxs: typeof jsx;
  export const Fragment: unknown;
}

declare module '@angular/core' {
  export const CUSTOM_ELEMENTS_SCHEMA: { name: string };
  export function Component(meta: {
    selector: string;
    standalone?: boolean;
    schemas?: unknown[];
    template: string;
  }): ClassDecorator;
}
