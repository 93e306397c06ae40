package jixiao.check;

import jixiao.diagnostic.Finding;

import java.util.List;
import java.util.function.Supplier;

/**
 * Findings of an earlier run, kept under a name with a hash of everything the check that found them read: a
 * check that would read the same need not run again. Only checks that read one project's texts are kept (its
 * public texts, its prose claims), the costliest per file (a fifth of a one-edit rebuild of 10,000 projects);
 * those that compare files are always run. Called from several threads.
 */
public interface CheckMemo {

    /** No memo: every check runs. */
    CheckMemo NONE = new CheckMemo() {
        @Override
        public void prepare(List<?> values) {
        }

        @Override
        public List<Finding> findings(String name, List<Object> inputs, List<String> files, Supplier<List<Finding>> find) {
            return find.get();
        }
    };

    /**
     * Called before the checks that ask for findings, from one thread: {@code values} (every project, every score)
     * will be among their inputs, and may be worked out once here for all of them.
     */
    void prepare(List<?> values);

    /**
     * What {@code find} gives. Kept from an earlier run when {@code inputs} hold what they held then and each of
     * {@code files} (display paths of content files the check reads again to place a finding) has the same bytes;
     * else found now and kept under {@code name} for the next run.
     */
    List<Finding> findings(String name, List<Object> inputs, List<String> files, Supplier<List<Finding>> find);
}
