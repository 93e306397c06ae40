import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The least a check can spend on YAML (issue 14, item 1): every {@code .yaml} file under a content folder read,
 * decoded and streamed to tokens by jackson-dataformat-yaml, the library the project is built on, with nothing made
 * of them, on as many threads as asked. A check does this and more (trees with positions, records, every check,
 * the narratives, the JSON), so its time cannot go below this one's.
 *
 * <pre>
 * java $(grep -v '^#' jvm.options) -cp target/jixiao.jar bench/YamlFloor.java CONTENT THREADS
 * </pre>
 *
 * Prints the files, the tokens and the seconds from the start of {@code main} (the JVM's start and the compilation
 * of this file come before it: time the whole command to include them).
 */
public class YamlFloor {
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        int threads = Integer.parseInt(args[1]);
        // The reader's own settings (jixiao.content.YamlReader), so that the parser does the same work.
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(1024 * 1024 + 1);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Long>> counts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            counts.add(pool.submit(() -> {
                long tokens = 0;
                for (int i = first; i < files.size(); i += threads) {
                    String text = new String(Files.readAllBytes(files.get(i)), StandardCharsets.UTF_8);
                    try (JsonParser parser = factory.createParser(text)) {
                        JsonToken token;
                        while ((token = parser.nextToken()) != null) {
                            tokens++;
                            if (token == JsonToken.VALUE_STRING) parser.getText();
                            parser.currentTokenLocation(); // positions, which every finding needs
                        }
                    }
                }
                return tokens;
            }));
        }
        long tokens = 0;
        for (Future<Long> count : counts) tokens += count.get();
        pool.shutdown();
        System.out.printf("%d files, %d tokens, %.2f s in main%n", files.size(), tokens, (System.nanoTime() - start) / 1e9);
    }
}
