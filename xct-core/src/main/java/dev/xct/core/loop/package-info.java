/**
 * The entry point: {@link dev.xct.core.loop.ExecutionLoop} owns the loop of every run it starts or
 * resumes. It sits above the engine and the API packages, none of which depend on it.
 */
package dev.xct.core.loop;
