// vitest runs outside React Server Components; the real "server-only" package throws there by design.
export {};
