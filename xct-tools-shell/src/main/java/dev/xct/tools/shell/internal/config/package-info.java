/** The validated configuration the checks and the runner share. Not an API. */
package dev.xct.tools.shell.internal.config;
