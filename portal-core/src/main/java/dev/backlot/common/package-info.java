/**
 * What every engine shares, below the features: the typed "unavailable" failure
 * ({@link dev.backlot.common.ServiceUnavailableException}) that a service throws when its engine
 * cannot run, and {@link dev.backlot.common.SerialExecutor}, a lane of work on the runtime's one
 * scheduler (a {@link java.util.concurrent.ScheduledExecutorService} each feature's factory receives).
 */
package dev.backlot.common;
