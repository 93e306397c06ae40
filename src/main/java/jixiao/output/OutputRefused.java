package jixiao.output;

import java.io.IOException;

/**
 * jixiao will not write to the output folder asked for, because doing so could delete or overwrite
 * something it did not write, or another build is writing there now. The message, in Chinese, names
 * the paths and says what to do; nothing has been touched.
 */
public final class OutputRefused extends IOException {

    public OutputRefused(String message) {
        super(message);
    }
}
