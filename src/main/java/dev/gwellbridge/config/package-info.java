/**
 * Add-on options turned into immutable, validated records; the secrets registry that redacts logs;
 * atomic state files in the data directory and the names of those files ({@link
 * dev.gwellbridge.config.DataDir}); the install id; the ports the add-on uses; and the few
 * Supervisor API lookups ({@link dev.gwellbridge.config.SupervisorClient}).
 *
 * <p>Validation errors name the offending field and the expected form. Nothing here starts
 * long-lived threads: the Supervisor client makes blocking, time-bounded calls whose HTTP client
 * uses named daemon threads ({@code supervisor-http-<n>}).
 */
package dev.gwellbridge.config;
