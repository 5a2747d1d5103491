/**
 * What XCT knows of the programs integrators commonly allow, as Debian 12 ships them, and how that
 * knowledge is laid over any rule for them. Not an API.
 */
package dev.xct.tools.shell.internal.profile;
