package dev.backlot.catalog.internal.read;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What reading locations may touch and how much of it. One policy serves a whole crawl and every
 * placeholder in it.
 *
 * @param fileRoots directories a {@code file} target must lie in, compared after normalising and
 *     resolving symbolic links; empty means no file may be read
 * @param urlAllow hosts a {@code url} target may name: {@code example.com} (default port only),
 *     {@code example.com:8443}, or {@code *.example.com} (any subdomain, default port); empty means no url
 * @param maxFileBytes the largest file or response body read, in bytes
 * @param maxDocumentsPerFile the most YAML documents read from one file; the rest is an error
 * @param urlTimeout the deadline for one HTTP exchange, body included
 * @param maxLocationDepth how deep Location entities may nest below the root location
 * @param maxFilesPerLocation the most {@code catalog-info.yaml} files one directory location may yield
 * @param stateFolder the portal's own data folder: nothing inside it is ever read, whatever the
 *     roots say (its database, runtime, plugin cache and every other piece of state), except inside
 *     one of {@code stateOpenings}; {@code null} when there is none to protect
 * @param stateOpenings the folders inside {@code stateFolder} that hold catalog sources (the sample
 *     catalog, the discovery folder)
 */
public record ReadPolicy(
        List<Path> fileRoots,
        List<String> urlAllow,
        long maxFileBytes,
        int maxDocumentsPerFile,
        Duration urlTimeout,
        int maxLocationDepth,
        int maxFilesPerLocation,
        Path stateFolder,
        List<Path> stateOpenings) {

    public static final long DEFAULT_MAX_FILE_BYTES = 5L * 1024 * 1024;
    public static final int DEFAULT_MAX_DOCUMENTS_PER_FILE = 1_000;
    public static final Duration DEFAULT_URL_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_LOCATION_DEPTH = 10;
    public static final int DEFAULT_MAX_FILES_PER_LOCATION = 100_000;

    public ReadPolicy {
        fileRoots = List.copyOf(fileRoots);
        stateFolder = stateFolder == null ? null : stateFolder.toAbsolutePath().normalize();
        stateOpenings = stateOpenings == null ? List.of()
                : stateOpenings.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        urlAllow = List.copyOf(urlAllow);
        Objects.requireNonNull(urlTimeout, "urlTimeout");
        if (maxFileBytes <= 0 || maxDocumentsPerFile <= 0 || maxLocationDepth < 0 || maxFilesPerLocation <= 0) {
            throw new IllegalArgumentException("ReadPolicy limits must be positive");
        }
    }

    /** A policy without a state folder to protect. */
    public ReadPolicy(List<Path> fileRoots, List<String> urlAllow, long maxFileBytes, int maxDocumentsPerFile,
            Duration urlTimeout, int maxLocationDepth, int maxFilesPerLocation) {
        this(fileRoots, urlAllow, maxFileBytes, maxDocumentsPerFile, urlTimeout, maxLocationDepth, maxFilesPerLocation,
                null, List.of());
    }

    /** A policy with the default limits for the given roots and hosts. */
    public static ReadPolicy of(List<Path> fileRoots, List<String> urlAllow) {
        return new ReadPolicy(fileRoots, urlAllow, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_DOCUMENTS_PER_FILE,
                DEFAULT_URL_TIMEOUT, DEFAULT_MAX_LOCATION_DEPTH, DEFAULT_MAX_FILES_PER_LOCATION);
    }
}
