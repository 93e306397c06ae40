package jixiao.render;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.resolve.DirectoryCodeResolver;

import java.io.File;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The jte templates of site-templates/: precompiled into the jar at build time, or, with
 * {@code --templates DIR}, a user's own copy compiled at run time (that needs the JDK's compiler).
 * Either way content type HTML, so every {@code ${…}} is escaped for where it stands.
 */
public final class Templates {

    /** The templates a site needs; a user's folder must have them all. */
    public static final List<String> PAGES = List.of("home.jte", "year.jte", "unit.jte", "project.jte", "report.jte", "changes.jte",
            "search.jte", "accessibility.jte");

    private final TemplateEngine engine;

    private Templates(TemplateEngine engine) {
        this.engine = engine;
    }

    /** The templates compiled into the jar from site-templates/. */
    public static Templates precompiled() {
        return new Templates(TemplateEngine.createPrecompiled(ContentType.Html));
    }

    /** Where a user's templates are compiled to: not the jar's package, whose classes the class loader would find first. */
    private static final String USER_PACKAGE = "gg.jte.generated.ondemand";

    /**
     * A user's templates from {@code dir}, every template compiled now into {@code classes} (a fresh temporary
     * folder) against the classes of this program, in one compiler run, so that a broken template fails
     * before any page is rendered. The result reads only those classes: a template file that changes
     * afterwards changes nothing until the templates are compiled again.
     *
     * @throws IllegalArgumentException when a page template is missing, naming it
     */
    public static Templates fromDirectory(Path dir, Path classes) {
        for (String page : PAGES) {
            if (!Files.isRegularFile(dir.resolve(page))) {
                throw new IllegalArgumentException("模板文件夹 " + dir + " 中缺少 " + page);
            }
        }
        TemplateEngine compiler = TemplateEngine.create(new DirectoryCodeResolver(dir), classes, ContentType.Html,
                Templates.class.getClassLoader(), USER_PACKAGE);
        compiler.setTrimControlStructures(true);
        compiler.setBinaryStaticContent(true);
        compiler.setClassPath(classPath());
        // One javac run for every template of the folder (preparing the pages one by one ran it once per page,
        // eight times), then the compiled classes alone. So a template that no page uses must compile too.
        compiler.precompileAll();
        return new Templates(TemplateEngine.createPrecompiled(classes, ContentType.Html, Templates.class.getClassLoader(), USER_PACKAGE));
    }

    /**
     * The page as UTF-8. Written straight as bytes: the templates' fixed text is stored encoded
     * (jte's binary static content), so only the values from the content are encoded, once.
     */
    public byte[] render(String template, Object page) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        engine.render(template, page, out);
        return out.toByteArray();
    }

    /** The page as UTF-8, written to {@code out} as it is rendered (for pages too large to hold in memory). */
    public void render(String template, Object page, OutputStream out) {
        engine.render(template, page, new StreamOutput(out));
    }

    /**
     * Where the compiler finds the classes a template refers to: this program's (the page records) and
     * jte's runtime. From the jar that is one file; from a test run, the class folders and jars.
     */
    private static List<String> classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> c : List.of(Templates.class, jixiao.site.Form.class, gg.jte.TemplateOutput.class, gg.jte.html.HtmlTemplateOutput.class)) {
            CodeSource source = c.getProtectionDomain().getCodeSource();
            if (source == null) continue;
            try {
                entries.add(new File(source.getLocation().toURI()).getPath());
            } catch (URISyntaxException | IllegalArgumentException e) {
                // Not a file location: leave it to java.class.path below.
            }
        }
        List<String> path = new ArrayList<>(entries);
        String javaClassPath = System.getProperty("java.class.path");
        if (javaClassPath != null) for (String e : javaClassPath.split(File.pathSeparator)) if (!e.isEmpty() && !path.contains(e)) path.add(e);
        return path;
    }

    /** A template error (syntax, or a compile error in a user's template), with its file and line as jte reports it. */
    public static boolean isTemplateError(Throwable t) {
        return t instanceof TemplateException;
    }
}
