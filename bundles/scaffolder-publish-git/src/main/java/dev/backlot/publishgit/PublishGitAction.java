package dev.backlot.publishgit;

import dev.backlot.spi.scaffolder.ActionContext;
import dev.backlot.spi.scaffolder.ScaffolderAction;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.osgi.service.component.annotations.Component;

/**
 * {@code publish:git}: makes a git repository of the workspace (or {@code sourcePath} in it) with
 * JGit, commits everything and pushes it.
 *
 * <p>{@code repoUrl} has Backstage's form {@code <host>?owner=<o>&repo=<r>}. The host {@code local}
 * (or the portal's own host) means the portal's git server: a bare repository is made in its folder
 * and pushed to, and it is then cloned with {@code git clone <portal>/git/<o>/<r>.git}. Any other host
 * pushes to {@code PORTAL_GIT_<HOST>_URL/<o>/<r>.git} with {@code PORTAL_GIT_<HOST>_USERNAME} and
 * {@code _TOKEN} (see {@link ActionContext#settings()}). An existing repository is never overwritten.
 *
 * <p>Outputs: {@code remoteUrl} (the clone URL), {@code repoContentsUrl}
 * ({@code <remoteUrl>/blob/<branch>}, which {@code catalog:register} turns into a {@code git} catalog
 * location) and {@code commitHash}.
 */
@Component(service = ScaffolderAction.class)
public class PublishGitAction implements ScaffolderAction {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,99}");

    @Override
    public String id() {
        return "publish:git";
    }

    @Override
    public String description() {
        return "Makes a git repository of the workspace and pushes it to the portal's git server or a configured remote";
    }

    @Override
    public Map<String, Object> inputSchema() {
        return Map.of("type", "object", "required", List.of("repoUrl"), "properties", Map.of(
                "repoUrl", Map.of("type", "string", "description", "<host>?owner=<owner>&repo=<repo>; host local is the portal"),
                "description", Map.of("type", "string"),
                "defaultBranch", Map.of("type", "string"),
                "sourcePath", Map.of("type", "string"),
                "gitCommitMessage", Map.of("type", "string"),
                "gitAuthorName", Map.of("type", "string"),
                "gitAuthorEmail", Map.of("type", "string")));
    }

    @Override
    public Map<String, Object> outputSchema() {
        return Map.of("type", "object", "properties", Map.of("remoteUrl", Map.of("type", "string"),
                "repoContentsUrl", Map.of("type", "string"), "commitHash", Map.of("type", "string")));
    }

    @Override
    public void execute(ActionContext context) throws Exception {
        Map<String, Object> input = context.input();
        Map<String, String> repo = parse(String.valueOf(input.get("repoUrl")));
        String host = repo.get("host");
        String owner = repo.getOrDefault("owner", repo.get("organization"));
        String name = repo.get("repo");
        if (owner == null || !NAME.matcher(owner).matches() || name == null || !NAME.matcher(name).matches()
                || owner.contains("..") || name.contains("..")) {
            throw new IllegalArgumentException("repoUrl needs owner= and repo= made of letters, digits, '.', '_' and '-'");
        }
        String branch = text(input, "defaultBranch", "main");
        if (!NAME.matcher(branch).matches()) {
            throw new IllegalArgumentException("defaultBranch '" + branch + "' is not a plain branch name");
        }
        Map<String, String> settings = context.settings();
        String localUrl = settings.getOrDefault("git.local.url", "");
        boolean local = "local".equals(host) || (!localUrl.isEmpty() && localUrl.contains("//" + host + "/"));
        String remoteUrl;
        String pushTo;
        UsernamePasswordCredentialsProvider credentials = null;
        Path bare = null;
        if (local) {
            Path root = Path.of(settings.get("git.local.root"));
            bare = root.resolve(owner).resolve(name + ".git").normalize();
            if (!bare.startsWith(root)) {
                throw new IllegalArgumentException("repoUrl leaves the portal's git folder");
            }
            if (Files.exists(bare)) {
                throw new IllegalStateException("The repository " + owner + "/" + name + " exists already on the portal");
            }
            remoteUrl = localUrl + "/" + owner + "/" + name + ".git";
            pushTo = bare.toUri().toString();
        } else {
            String key = "git." + host.toLowerCase(Locale.ROOT).replace('-', '.') + ".";
            String base = settings.get(key + "url");
            if (base == null) {
                throw new IllegalStateException("No git remote is configured for " + host + ": set PORTAL_GIT_"
                        + host.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_URL (and _USERNAME, _TOKEN)");
            }
            remoteUrl = base.replaceAll("/+$", "") + "/" + owner + "/" + name + ".git";
            pushTo = remoteUrl;
            if (settings.get(key + "token") != null) {
                credentials = new UsernamePasswordCredentialsProvider(
                        settings.getOrDefault(key + "username", "x-access-token"), settings.get(key + "token"));
            }
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("remoteUrl", remoteUrl);
        outputs.put("repoContentsUrl", remoteUrl + "/blob/" + branch);
        if (context.isDryRun()) {
            context.log("Dry-run: would push the workspace to " + remoteUrl);
            outputs.forEach(context::output);
            return;
        }
        Path source = input.get("sourcePath") == null ? context.workspacePath()
                : context.resolveInWorkspace(String.valueOf(input.get("sourcePath")));
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
        try {
            if (bare != null) {
                Files.createDirectories(bare.getParent());
                Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch(branch).call().close();
            }
            try (Git git = Git.init().setDirectory(source.toFile()).setInitialBranch(branch).call()) {
                git.add().addFilepattern(".").call();
                PersonIdent author = new PersonIdent(text(input, "gitAuthorName", "Backlot Scaffolder"),
                        text(input, "gitAuthorEmail", "scaffolder@backlot.local"));
                RevCommit commit = git.commit().setMessage(text(input, "gitCommitMessage", "Initial commit"))
                        .setAuthor(author).setCommitter(author).setSign(false).call();
                var push = git.push().setRemote(pushTo).setRefSpecs(new RefSpec("refs/heads/" + branch + ":refs/heads/" + branch));
                if (credentials != null) {
                    push.setCredentialsProvider(credentials);
                }
                for (PushResult result : push.call()) {
                    for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                        if (update.getStatus() != RemoteRefUpdate.Status.OK
                                && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                            throw new IllegalStateException("The push to " + remoteUrl + " was refused: " + update.getStatus()
                                    + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"));
                        }
                    }
                }
                outputs.put("commitHash", commit.getName());
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        context.log("Pushed " + branch + " to " + remoteUrl);
        outputs.forEach(context::output);
    }

    static Map<String, String> parse(String repoUrl) {
        Map<String, String> out = new LinkedHashMap<>();
        int q = repoUrl.indexOf('?');
        String host = q < 0 ? repoUrl : repoUrl.substring(0, q);
        out.put("host", host.replaceFirst("^https?://", "").replaceAll("/+$", ""));
        if (q >= 0) {
            for (String pair : repoUrl.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static String text(Map<String, Object> input, String key, String fallback) {
        Object v = input.get(key);
        return v == null || String.valueOf(v).isBlank() ? fallback : String.valueOf(v);
    }
}
