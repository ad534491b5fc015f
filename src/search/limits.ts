/** The most hits one search answers: the best, once ranked (worker.ts keeps no more). */
export const MAX_HITS = 1000;
