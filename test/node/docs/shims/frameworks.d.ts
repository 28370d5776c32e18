// The few framework APIs the README snippets use, so the snippets type-check without installing
// Angular or Vue (React's own types are a devDependency). What is checked is Seatkit's side:
// imports, names, properties, events.

declare module '@angular/core' {
  export const CUSTOM_ELEMENTS_SCHEMA: { name: string };
  export function Component(meta: {
    selector: string;
    standalone?: boolean;
    schemas?: unknown[];
    template: string;
  }): ClassDecorator;
}

declare module 'vue' {
  export interface Ref<T> {
    value: T;
  }
  export function ref<T>(initial: T): Ref<T>;
}

// A stylesheet import, as Vite (vite/client) and webpack's CSS loaders type it.
declare module 'seatkit/reserve.css';
