/**
 * Runs one pass over a plan's tables as a function of its own. V8 compiles a hot loop by compiling
 * the whole function around it (on-stack replacement), and the verifier and the re-planner are
 * long functions: a province's passes (8.7 million unit-hours) ran for seconds in slower code while
 * those compiles were made, and every deopt threw the whole function's code away and began again.
 * A pass of its own compiles in a few ms and keeps its code.
 */
export const apart = (pass: () => void): void => pass();
