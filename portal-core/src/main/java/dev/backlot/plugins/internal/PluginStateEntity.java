package dev.backlot.plugins.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code plugin_state}: one desired plugin, with its jar. */
@Entity
@Table(name = "plugin_state")
public class PluginStateEntity {

    static final String BUILTIN = "builtin";
    static final String UPLOAD = "upload";

    @Id
    @Column(name = "symbolic_name")
    private String symbolicName;
    @Column(nullable = false)
    private String version;
    @Column(nullable = false)
    private String source;
    @Column(nullable = false)
    private boolean started;
    @Column(name = "jar_sha256", nullable = false)
    private String jarSha256;
    @Column(nullable = false)
    private byte[] jar;
    @Column(name = "changed_at", nullable = false)
    private long changedAt;
    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    protected PluginStateEntity() {
    }

    PluginStateEntity(String symbolicName, String source) {
        this.symbolicName = symbolicName;
        this.source = source;
    }

    void replaceJar(String version, byte[] jar, String sha256, boolean started, String by) {
        this.version = version;
        this.jar = jar;
        this.jarSha256 = sha256;
        this.started = started;
        this.changedAt = System.currentTimeMillis();
        this.changedBy = by;
    }

    String symbolicName() {
        return symbolicName;
    }

    String version() {
        return version;
    }

    String source() {
        return source;
    }

    boolean started() {
        return started;
    }

    byte[] jar() {
        return jar;
    }
}
