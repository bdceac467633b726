/**
 * The portal's relational store: {@link dev.backlot.persistence.Database} opens the pool, runs the
 * Flyway migrations and hands out resource-local transactions to the features' internal stores.
 */
package dev.backlot.persistence;
