import { useRef } from 'react';
import { randomKey } from '../api';

/**
 * An Idempotency-Key per request body, kept for the component's life: a retry of the same body (a
 * lost answer, a second tap) sends the same key and is done once; another body gets another key.
 */
export function useKeyPerBody(): (body: object) => string {
  const keys = useRef(new Map<string, string>());
  return (body) => {
    const json = JSON.stringify(body);
    if (!keys.current.has(json)) keys.current.set(json, randomKey());
    return keys.current.get(json)!;
  };
}
