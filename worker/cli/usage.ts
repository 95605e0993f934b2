/** Wrong use of the command line (exit 1, with the usage): an unknown flag, a missing option. */
export class UsageError extends Error {}
