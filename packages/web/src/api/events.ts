/** Tiny signals that let the API layer (outside React) tell the UI about expired sessions and errors. */
import type { ApiError } from './errors';

type Listener<T> = (value: T) => void;

/** A minimal publish/subscribe channel. */
export interface Signal<T> {
  readonly emit: (value: T) => void;
  /** Adds a listener and returns the function that removes it. */
  readonly subscribe: (listener: Listener<T>) => () => void;
}

/** Creates a signal with no listeners. */
export function createSignal<T = void>(): Signal<T> {
  const listeners = new Set<Listener<T>>();
  return {
    emit: (value) => {
      for (const l of listeners) {
        l(value);
      }
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** Emitted when a request is answered 401 outside the auth endpoints. */
export const sessionExpired = createSignal();

/** Emitted for an API error that nobody handles locally; the UI shows it as a notification. */
export const unhandledApiError = createSignal<ApiError>();
