package com.plccoach.migrations.internal.script;

import com.plccoach.migrations.RevisionFileException;
import com.plccoach.migrations.ScriptSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Revision files at a classpath location, in a directory or inside a jar (so that the schema jar
 * works when a service embeds it). Every classpath root holding the location contributes; files
 * come in name order.
 */
public final class ClasspathScriptSource implements ScriptSource {

    private final String location;
    private final ClassLoader loader;

    public ClasspathScriptSource(String location, ClassLoader loader) {
        this.location = trimSlashes(location);
        this.loader = loader == null ? ClasspathScriptSource.class.getClassLoader() : loader;
    }

    @Override
    public List<Script> read() {
        Enumeration<URL> roots;
        try {
            roots = loader.getResources(location);
        } catch (IOException e) {
            throw new RevisionFileException("cannot look up classpath location " + location + ": " + e.getMessage(), e);
        }
        List<Script> scripts = new ArrayList<>();
        boolean found = false;
        for (URL root : Collections.list(roots)) {
            found = true;
            if ("file".equals(root.getProtocol())) {
                readDirectory(root, scripts);
            } else if ("jar".equals(root.getProtocol())) {
                readJar(root, scripts);
            } else {
                throw new RevisionFileException("cannot list " + root + ": only directories and jars are supported as the"
                        + " classpath location of revisions; use ScriptSource.directory(...) or your own ScriptSource");
            }
        }
        if (!found) {
            found = readJarsWithoutDirectoryEntries(scripts);
        }
        if (!found) {
            throw new RevisionFileException("classpath location " + location + " not found; put the revisions jar (e.g."
                    + " plccoach-schema) on the classpath, or check the location (files go under " + location + "/)");
        }
        scripts.sort(Comparator.comparing((Script s) -> fileName(s.location())).thenComparing(Script::location));
        return scripts;
    }

    private void readDirectory(URL root, List<Script> scripts) {
        Path dir;
        try {
            dir = Path.of(root.toURI());
        } catch (URISyntaxException e) {
            throw new RevisionFileException("cannot read classpath directory " + root + ": " + e.getMessage(), e);
        }
        List<Script> fromDir = new DirectoryScriptSource(dir).read();
        scripts.addAll(fromDir);
    }

    private void readJar(URL root, List<Script> scripts) {
        try {
            URLConnection connection = root.openConnection();
            if (!(connection instanceof JarURLConnection jarConnection)) {
                throw new RevisionFileException("cannot list " + root + ": not a jar connection");
            }
            // no cache: a cached JarFile would stay open (and locked on Windows) after we are done
            jarConnection.setUseCaches(false);
            try (JarFile jar = jarConnection.getJarFile()) {
                String prefix = location.isEmpty() ? "" : location + "/";
                String jarName = fileName(jar.getName());
                for (JarEntry entry : Collections.list(jar.entries())) {
                    String name = entry.getName();
                    if (entry.isDirectory() || !name.startsWith(prefix) || !name.endsWith(".sql")
                            || name.indexOf('/', prefix.length()) >= 0) {
                        continue;
                    }
                    try (InputStream in = jar.getInputStream(entry)) {
                        // named by its classpath location, which a service can act on, with the jar that ships it
                        scripts.add(new Script("classpath:" + name + " (in " + jarName + ")", in.readAllBytes()));
                    }
                }
            }
        } catch (IOException e) {
            throw new RevisionFileException("cannot read revisions from " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * A jar built without directory entries has no resource for the location itself, so
     * {@code getResources} finds nothing: look into the jars of the class path directly.
     */
    private boolean readJarsWithoutDirectoryEntries(List<Script> scripts) {
        java.util.Set<String> jars = new java.util.LinkedHashSet<>();
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l instanceof java.net.URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    if ("file".equals(url.getProtocol()) && url.getPath().endsWith(".jar")) {
                        try {
                            jars.add(Path.of(url.toURI()).toString());
                        } catch (URISyntaxException | IllegalArgumentException e) {
                            // not a plain file: nothing we can open
                        }
                    }
                }
            }
        }
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                jars.add(entry);
            }
        }
        boolean found = false;
        String prefix = location + "/";
        for (String jarPath : jars) {
            if (!java.nio.file.Files.isRegularFile(Path.of(jarPath))) {
                continue;
            }
            try (JarFile jar = new JarFile(jarPath)) {
                boolean has = jar.stream().anyMatch(e -> e.getName().startsWith(prefix));
                if (has) {
                    found = true;
                    readJar(new URL("jar:" + Path.of(jarPath).toUri() + "!/"), scripts);
                }
            } catch (IOException e) {
                throw new RevisionFileException("cannot read revisions from " + jarPath + ": " + e.getMessage(), e);
            }
        }
        return found;
    }

    private static String fileName(String path) {
        String p = path.replace('\\', '/');
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private static String trimSlashes(String location) {
        String l = location == null ? "" : location.strip();
        while (l.startsWith("/")) {
            l = l.substring(1);
        }
        while (l.endsWith("/")) {
            l = l.substring(0, l.length() - 1);
        }
        return l;
    }

    @Override
    public String describe() {
        return "classpath:" + location;
    }

    @Override
    public String toString() {
        return describe();
    }
}
