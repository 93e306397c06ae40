package jixiao.content;


import jixiao.diagnostic.Finding;

/** Where the loader reports what it finds wrong while reading; collected, never thrown. */
@FunctionalInterface
public interface Problems {
    void report(Finding finding);
}
