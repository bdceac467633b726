package dev.backlot.web.api;

import dev.backlot.audit.AuditEntry;
import dev.backlot.plugins.PluginDetail;
import dev.backlot.plugins.PluginHealth;
import dev.backlot.plugins.PluginInfo;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Collection;

/** The JSON shapes of the deploy API: a plugin, a plugin with its detail, an audit entry. */
final class PluginJson {

    private PluginJson() {
    }

    /**
     * A plugin:
     * <pre>
     * {"id":5,"symbolicName":"dev.backlot.example-hello","name":"Backlot example: hello","version":"0.1.0",
     *  "state":"ACTIVE","location":"backlot:dev.backlot.example-hello","services":["dev.backlot.spi.scaffolder.ScaffolderAction"],
     *  "problem":null,"contributions":["ScaffolderAction backlot:hello"],
     *  "health":{"calls":12,"failures":1,"timeouts":0,"lastError":"...","lastErrorAt":"2026-11-24T10:00:00Z"},
     *  "source":"builtin","changedBy":"admin","changedAt":"2026-11-24T09:58:00Z","rollbackVersion":"0.0.9"}
     * </pre>
     */
    static JsonObject plugin(PluginInfo plugin) {
        return fields(plugin).build();
    }

    /** A plugin and, beside its fields, {@code headers}, {@code imports}, {@code exports}, {@code versions}, {@code recentErrors}. */
    static JsonObject detail(PluginDetail detail) {
        JsonObjectBuilder headers = Json.createObjectBuilder();
        detail.headers().forEach(headers::add);
        JsonArrayBuilder versions = Json.createArrayBuilder();
        detail.versions().forEach(v -> {
            JsonObjectBuilder version = Json.createObjectBuilder();
            text(version, "version", v.version());
            text(version, "sha256", v.sha256());
            time(version, "installedAt", v.installedAt());
            text(version, "installedBy", v.installedBy());
            versions.add(version.add("current", v.current()));
        });
        return fields(detail.plugin()).add("headers", headers).add("imports", strings(detail.imports()))
                .add("exports", strings(detail.exports())).add("versions", versions)
                .add("recentErrors", strings(detail.recentErrors())).build();
    }

    /** {@code {"at":"...","actor":"admin","action":"plugin.install","target":"...","outcome":"success","detail":"..."}} */
    static JsonObject audit(AuditEntry entry) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        time(json, "at", entry.at());
        text(json, "actor", entry.actor());
        text(json, "action", entry.action());
        text(json, "target", entry.target());
        text(json, "outcome", entry.outcome());
        text(json, "detail", entry.detail());
        return json.build();
    }

    private static JsonObjectBuilder fields(PluginInfo plugin) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", plugin.id());
        text(json, "symbolicName", plugin.symbolicName());
        text(json, "name", plugin.name());
        text(json, "version", plugin.version());
        text(json, "state", plugin.state());
        text(json, "location", plugin.location());
        json.add("services", strings(plugin.services()));
        text(json, "problem", plugin.problem());
        json.add("contributions", strings(plugin.contributions()));
        PluginHealth health = plugin.health();
        JsonObjectBuilder h = Json.createObjectBuilder().add("calls", health.calls()).add("failures", health.failures())
                .add("timeouts", health.timeouts());
        text(h, "lastError", health.lastError());
        time(h, "lastErrorAt", health.lastErrorAt());
        json.add("health", h);
        text(json, "source", plugin.source());
        text(json, "changedBy", plugin.changedBy());
        time(json, "changedAt", plugin.changedAt());
        text(json, "rollbackVersion", plugin.rollbackVersion());
        return json;
    }

    private static JsonArrayBuilder strings(Collection<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    private static void text(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }

    private static void time(JsonObjectBuilder json, String name, Instant value) {
        text(json, name, value == null ? null : value.toString());
    }
}
