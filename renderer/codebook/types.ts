/** Runs a codebook action and shows its error in the pane instead of throwing (undefined on failure). */
export type Act = <T>(promise: Promise<T>) => Promise<T | undefined>;
