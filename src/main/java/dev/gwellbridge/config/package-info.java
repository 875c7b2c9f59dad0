/**
 * Add-on options turned into immutable, validated records; the secrets registry that redacts logs;
 * atomic state files in the data directory.
 *
 * <p>Validation errors name the offending field and the expected form. Nothing here starts threads.
 */
package dev.gwellbridge.config;
