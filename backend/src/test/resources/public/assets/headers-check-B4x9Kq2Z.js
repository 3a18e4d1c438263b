/* A stand-in for a Vite build output (name-HASH.js): the backend tests check its caching headers without building the SPA. */
export const built = true;
