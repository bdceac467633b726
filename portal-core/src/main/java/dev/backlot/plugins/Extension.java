package dev.backlot.plugins;

/**
 * One registered extension service and the plugin it belongs to.
 *
 * @param service the service object, to be used within the current call only
 * @param bundleId the providing bundle's id
 * @param symbolicName the providing bundle's symbolic name
 * @param ranking its {@code service.ranking}, 0 when unset
 */
public record Extension<S>(S service, long bundleId, String symbolicName, int ranking) {
}
