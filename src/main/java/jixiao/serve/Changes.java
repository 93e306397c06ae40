package jixiao.serve;

import java.util.Set;

/**
 * What the watcher saw in one burst of events.
 *
 * @param content   paths below the content folder that were created, changed or deleted, relative with {@code /}
 * @param templates whether anything in the templates folder changed
 * @param overflow  whether events were lost, so that anything may have changed
 */
record Changes(Set<String> content, boolean templates, boolean overflow) {

    Changes {
        content = Set.copyOf(content);
    }

    static Changes ofContent(String... paths) {
        return new Changes(Set.of(paths), false, false);
    }
}
