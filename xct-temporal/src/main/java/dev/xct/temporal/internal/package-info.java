/** The workflow, its activities and their payloads; not API. */
package dev.xct.temporal.internal;
