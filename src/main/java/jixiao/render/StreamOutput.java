package jixiao.render;

import gg.jte.TemplateOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A template's output written straight to a stream as UTF-8, for pages too large to hold in memory
 * (report.html of a year with tens of thousands of forms). The templates' fixed text comes already
 * encoded (jte's binary static content); values are encoded as they come. jte escapes only ASCII
 * characters, so no piece it hands over ends inside a surrogate pair.
 */
final class StreamOutput implements TemplateOutput {

    private final OutputStream out;

    StreamOutput(OutputStream out) {
        this.out = out;
    }

    @Override
    public void writeContent(String value) {
        write(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        write(value.substring(beginIndex, endIndex).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void writeBinaryContent(byte[] value) {
        write(value);
    }

    private void write(byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
