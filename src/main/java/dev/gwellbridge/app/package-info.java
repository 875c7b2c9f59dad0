/**
 * Entry point and wiring: the command line, the subcommands and the manual assembly of every layer.
 *
 * <p>Only this package may import all the others. It owns process lifecycle and shutdown.
 */
package dev.gwellbridge.app;
