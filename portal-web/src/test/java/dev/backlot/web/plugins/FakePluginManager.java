package dev.backlot.web.plugins;

import dev.backlot.plugins.PluginDetail;
import dev.backlot.plugins.PluginHealth;
import dev.backlot.plugins.PluginInfo;
import dev.backlot.plugins.PluginManager;
import dev.backlot.plugins.PluginRefusedException;
import dev.backlot.plugins.PluginRefusedException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarInputStream;

/**
 * An in-memory plugin manager for unit tests of the web layer: keeps versions per symbolic name,
 * refuses what a unit test needs refused, and remembers every call with its actor.
 */
public final class FakePluginManager implements PluginManager {

    private final Map<String, List<String>> versions = new LinkedHashMap<>();
    private final Map<String, Boolean> active = new LinkedHashMap<>();
    /** {@code action target actor}, in call order. */
    public final List<String> calls = new ArrayList<>();

    @Override
    public List<PluginInfo> plugins() {
        return versions.keySet().stream().map(this::info).toList();
    }

    @Override
    public Optional<PluginDetail> detail(String symbolicName) {
        if (!versions.containsKey(symbolicName)) {
            return Optional.empty();
        }
        List<String> kept = versions.get(symbolicName);
        List<PluginDetail.KeptVersion> history = new ArrayList<>();
        for (int i = kept.size() - 1; i >= 0; i--) {
            history.add(new PluginDetail.KeptVersion(kept.get(i), "sha-" + i, Instant.EPOCH, "admin", i == kept.size() - 1));
        }
        return Optional.of(new PluginDetail(info(symbolicName), Map.of("Bundle-SymbolicName", symbolicName),
                List.of("org.osgi.framework;version=\"[1.10,2)\""), List.of(), history, List.of("boom at 10:00")));
    }

    @Override
    public PluginInfo install(byte[] jar, String actor) {
        String[] nameAndVersion = read(jar);
        calls.add("install " + nameAndVersion[0] + " " + actor);
        if (versions.containsKey(nameAndVersion[0])) {
            throw new PluginRefusedException(Reason.CONFLICT, nameAndVersion[0] + " is already installed");
        }
        versions.put(nameAndVersion[0], new ArrayList<>(List.of(nameAndVersion[1])));
        active.put(nameAndVersion[0], true);
        return info(nameAndVersion[0]);
    }

    @Override
    public PluginInfo update(String symbolicName, byte[] jar, String actor) {
        calls.add("update " + symbolicName + " " + actor);
        known(symbolicName).add(read(jar)[1]);
        return info(symbolicName);
    }

    @Override
    public PluginInfo start(String symbolicName, String actor) {
        calls.add("start " + symbolicName + " " + actor);
        known(symbolicName);
        active.put(symbolicName, true);
        return info(symbolicName);
    }

    @Override
    public PluginInfo stop(String symbolicName, String actor) {
        calls.add("stop " + symbolicName + " " + actor);
        known(symbolicName);
        active.put(symbolicName, false);
        return info(symbolicName);
    }

    @Override
    public PluginInfo rollback(String symbolicName, String actor) {
        calls.add("rollback " + symbolicName + " " + actor);
        List<String> kept = known(symbolicName);
        if (kept.size() < 2) {
            throw new PluginRefusedException(Reason.CONFLICT, "No earlier version of " + symbolicName + " is kept");
        }
        kept.remove(kept.size() - 1);
        return info(symbolicName);
    }

    @Override
    public void uninstall(String symbolicName, String actor) {
        calls.add("uninstall " + symbolicName + " " + actor);
        known(symbolicName);
        versions.remove(symbolicName);
        active.remove(symbolicName);
    }

    private List<String> known(String symbolicName) {
        List<String> kept = versions.get(symbolicName);
        if (kept == null) {
            throw new PluginRefusedException(Reason.NOT_FOUND, "No plugin named " + symbolicName);
        }
        return kept;
    }

    private PluginInfo info(String symbolicName) {
        List<String> kept = versions.get(symbolicName);
        return new PluginInfo(7, symbolicName, symbolicName, kept.get(kept.size() - 1),
                active.get(symbolicName) ? "ACTIVE" : "RESOLVED", "backlot:" + symbolicName, List.of(), null,
                List.of("UiContribution home.card hello"), new PluginHealth(10, 2, 1, "boom", Instant.EPOCH), "upload",
                "admin", Instant.EPOCH, kept.size() > 1 ? kept.get(kept.size() - 2) : null);
    }

    private static String[] read(byte[] jar) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            var main = in.getManifest().getMainAttributes();
            return new String[] {main.getValue("Bundle-SymbolicName"), main.getValue("Bundle-Version")};
        } catch (IOException | RuntimeException e) {
            throw new PluginRefusedException(Reason.INVALID, "Not a jar");
        }
    }
}
