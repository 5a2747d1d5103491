/**
 * Test support for code that runs XCT loops: {@link dev.xct.test.ScriptedModelClient} plays a model
 * from a script and records every request, and {@link dev.xct.test.RecordingTool} records every
 * call it receives, so that a test can assert what the model saw and which tools ran,
 * deterministically and without a network. Each type states its own thread-safety.
 */
package dev.xct.test;
