package dev.backlot.web.git;

import dev.backlot.config.PortalConfig;
import dev.backlot.security.Caller;
import jakarta.inject.Inject;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.resolver.ServiceNotAuthorizedException;

/**
 * The portal's own git server: the bare repositories under {@code PORTAL_DATA/git/<owner>/<repo>.git}
 * (which {@code publish:git} creates) over smart HTTP, through JGit's HTTP server module.
 *
 * <pre>
 * git clone http://127.0.0.1:8080/git/team-a/orders.git
 * </pre>
 *
 * <p>Clones and fetches are open like the catalog's reads. A push needs a caller with the
 * {@code user} role (a session, or the API token as bearer or as the basic-authentication password
 * git clients send): {@link #service} answers 401 with a Basic challenge to anyone else asking for the
 * receive-pack service, and the receive-pack factory checks the role again. Repository
 * names are {@code <owner>/<repo>.git} with letters, digits, {@code .}, {@code _} and {@code -}
 * only; nothing else is resolved, so no path leaves the folder, and pushes never create a
 * repository.
 */
@WebServlet(urlPatterns = "/git/*", loadOnStartup = 2)
public class PortalGitServlet extends GitServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,99}/[A-Za-z0-9_][A-Za-z0-9._-]{0,99}\\.git");

    @Inject
    transient PortalConfig config;

    @Override
    public void init(ServletConfig servletConfig) throws ServletException {
        Path root = config.dataDir().resolve("git").toAbsolutePath().normalize();
        setRepositoryResolver((HttpServletRequest request, String name) -> open(root, name));
        setReceivePackFactory((HttpServletRequest request, Repository repository) -> {
            if (request.getRemoteUser() == null || !request.isUserInRole(Caller.USER)) {
                throw new ServiceNotAuthorizedException();
            }
            ReceivePack pack = new ReceivePack(repository);
            pack.setRefLogIdent(new org.eclipse.jgit.lib.PersonIdent(request.getRemoteUser(), request.getRemoteUser()
                    + "@backlot"));
            pack.setAllowDeletes(false);
            pack.setAllowNonFastForwards(false);
            return pack;
        });
        super.init(servletConfig);
    }

    @Override
    protected void service(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
            throws ServletException, IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        boolean push = path.endsWith("/git-receive-pack") || "git-receive-pack".equals(request.getParameter("service"));
        if (push && !request.isUserInRole(Caller.USER)) {
            // not sendError: the error page dispatch would drop the challenge, and git needs it to send credentials
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Basic realm=\"backlot\"");
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Pushing needs a signed-in caller: use the API token as the password\n");
            return;
        }
        super.service(request, response);
    }

    static Repository open(Path root, String name) throws RepositoryNotFoundException {
        String clean = name.startsWith("/") ? name.substring(1) : name;
        if (!NAME.matcher(clean).matches() || clean.contains("..")) {
            throw new RepositoryNotFoundException(name);
        }
        Path dir = root.resolve(clean).normalize();
        if (!dir.startsWith(root) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new RepositoryNotFoundException(name);
        }
        try {
            return new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).setBare().build();
        } catch (IOException e) {
            throw new RepositoryNotFoundException(name, e);
        }
    }
}
